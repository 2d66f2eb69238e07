// @vitest-environment happy-dom
// getLoaderData on the client: the first render takes the data the server embedded, a client
// navigation fetches through /__loaders, and invalidation ('auto' or a named cache) fetches again.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createCache,
  getLoaderData,
  invalidateCaches,
  type LoaderData,
  type LoaderUnit,
  useAction,
} from '../../runtime/index.ts';
import { startServer, stub, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => {
  cleanup();
  document.getElementById('__hpa_data')?.remove();
});

const moviesLoader = { module: 'movies', loader: 'default' } as unknown as LoaderUnit<{ movies: string[] }>;
const View = ({ loaderData }: LoaderData<{ movies: string[] }>) =>
  h(
    'ul',
    null,
    loaderData.movies.map((title) => h('li', { key: title }, title)),
  );
const go = (path: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${server.url}${path}`);

describe('getLoaderData', () => {
  it('renders the data the server embedded for this path, without calling the loader', async () => {
    go('/movies');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = '__hpa_data';
    script.textContent = JSON.stringify({
      path: '/movies',
      data: { 'movies:default': { movies: ['From the server'] } },
    });
    document.body.append(script);
    const Page = getLoaderData(View, { serverLoader: moviesLoader });
    render(h(Page, null));
    expect(screen.getByText('From the server')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await server.journal()).loaderCalls).toBe(0);
  });

  it('fetches through /__loaders when the page is reached by client navigation', async () => {
    go('/movies?page=2');
    const Page = getLoaderData(View, { serverLoader: moviesLoader });
    render(h(Page, null));
    await waitFor(() => expect(screen.getByText('Alien')).toBeTruthy());
    expect((await server.journal()).loaderCalls).toBe(1);
  });

  it("re-runs the page's loader after an action with invalidate: 'auto', and re-renders", async () => {
    go('/movies');
    const Page = getLoaderData(View, { serverLoader: moviesLoader });
    function AddButton() {
      const { mutate } = useAction(stub<{ title: string }, unknown>('movies', 'add'), { invalidate: 'auto' });
      return h('button', { onClick: () => mutate({ title: 'Arrival' }) }, 'add');
    }
    render(h('div', null, h(Page, null), h(AddButton, null)));
    await waitFor(() => expect(screen.getByText('Alien')).toBeTruthy());
    expect(screen.queryByText('Arrival')).toBeNull();
    act(() => screen.getByText('add').click());
    await waitFor(() => expect(screen.getByText('Arrival')).toBeTruthy());
    expect((await server.journal()).loaderCalls).toBe(2);
  });

  it('keeps data in a named cache, and fetches again when that cache is invalidated from elsewhere', async () => {
    go('/movies?cached');
    const cache = createCache<{ movies: string[] }>('movie-list');
    const Page = getLoaderData(View, { serverLoader: moviesLoader, cache });
    const first = render(h(Page, null));
    await waitFor(() => expect(screen.getAllByText('Alien')).toHaveLength(1));
    first.unmount();
    render(h(Page, null));
    expect(screen.getAllByText('Alien')).toHaveLength(1);
    expect((await server.journal()).loaderCalls).toBe(1);
    act(() => invalidateCaches(['movie-list']));
    await waitFor(async () => expect((await server.journal()).loaderCalls).toBe(2));
  });
});
