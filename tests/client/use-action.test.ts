// @vitest-environment happy-dom
// useAction against a real server: every option and return value of seed 000's tables, uploads,
// streaming chunks as they arrive, rollback, invalidation, abort on unmount, redirect and deny.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionCallError, createCache, setNavigator, type UseActionOptions, useAction } from '../../runtime/index.ts';
import { setPageReloader } from '../../runtime/client/navigation.ts';
import { startServer, stub, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
const journal = () => server.journal();
beforeEach(() => server.reset());
afterEach(() => cleanup());

type Hook<P, R> = ReturnType<typeof useAction<P, R>>;

/** Renders a component that uses the hook, and returns a live view of its last result. */
function renderHook<P, R>(module: string, action: string, options: UseActionOptions<P, R> = {}) {
  const seen: Hook<P, R>[] = [];
  function Probe() {
    const result = useAction(stub<P, R>(module, action), options);
    seen.push(result);
    return h('p', null, result.pending ? 'pending' : 'idle');
  }
  const view = render(h(Probe, null));
  return {
    view,
    seen,
    get current() {
      return seen.at(-1) as Hook<P, R>;
    },
  };
}

describe('useAction', () => {
  it('returns data, and calls onSuccess with it', async () => {
    const onSuccess = vi.fn();
    const hook = renderHook<{ title: string }, { ok: boolean; title: string }>('movies', 'add', { onSuccess });
    expect(hook.current).toMatchObject({ pending: false, error: null, data: null });
    await act(() => hook.current.mutate({ title: 'Dune' }));
    expect(hook.current.data).toMatchObject({ ok: true, title: 'Dune' });
    expect(hook.current.error).toBeNull();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ title: 'Dune' }));
  });

  it('names the unit in the URL and sends only the payload in the body', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const hook = renderHook<{ title: string }, { ok: boolean; title: string }>('movies', 'add');
    await act(() => hook.current.mutate({ title: 'Dune' }));
    const [url, init] = fetchSpy.mock.calls.at(-1) ?? [];
    fetchSpy.mockRestore();
    expect(String(url)).toMatch(/\/__actions\?module=movies&action=add$/);
    expect(JSON.parse(init?.body as string)).toEqual({ payload: { title: 'Dune' } });
    expect(hook.current.data).toMatchObject({ ok: true, title: 'Dune' });
  });

  it('is pending while the request is in flight, and keeps mutate the same function', async () => {
    const hook = renderHook<{ ms: number }, { waited: number }>('movies', 'slow');
    const first = hook.current.mutate;
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = hook.current.mutate({ ms: 150 });
    });
    await waitFor(() => expect(screen.getByText('pending')).toBeTruthy());
    await act(() => done);
    expect(hook.current.pending).toBe(false);
    expect(hook.current.data).toEqual({ waited: 150 });
    expect(new Set(hook.seen.map((result) => result.mutate)).size).toBe(1);
    expect(hook.current.mutate).toBe(first);
  });

  it('passes the onMutate snapshot to onError for rollback, and sets error from a deny', async () => {
    const onError = vi.fn();
    const hook = renderHook<{ status: number }, never>('movies', 'forbid', {
      onMutate: (payload) => ({ before: payload.status }),
      onError,
    });
    await act(() => hook.current.mutate({ status: 409 }));
    expect(hook.current.error).toBeInstanceOf(ActionCallError);
    expect(hook.current.error?.message).toBe('denied with 409');
    expect((hook.current.error as ActionCallError).status).toBe(409);
    expect(onError).toHaveBeenCalledWith(hook.current.error, { before: 409 });
    expect(hook.current.data).toBeNull();
  });

  it('rolls an optimistic row back when the action fails', async () => {
    function Movies() {
      const [rows, setRows] = useState(['Alien']);
      const { mutate } = useAction(stub<{ status: number; title: string }, never>('movies', 'forbid'), {
        onMutate: (payload) => {
          const before = rows;
          setRows([...rows, payload.title]);
          return before;
        },
        onError: (_error, snapshot) => setRows(snapshot as string[]),
      });
      return h(
        'div',
        null,
        h(
          'ul',
          null,
          rows.map((row) => h('li', { key: row }, row)),
        ),
        h('button', { onClick: () => mutate({ status: 422, title: 'Optimistic' }) }, 'add'),
      );
    }
    render(h(Movies, null));
    act(() => screen.getByText('add').click());
    expect(screen.getByText('Optimistic')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Optimistic')).toBeNull());
    expect(screen.getByText('Alien')).toBeTruthy();
  });

  it('hands each chunk of a stream to onChunk as it arrives, then calls onSuccess with no data', async () => {
    const chunks: string[] = [];
    const onSuccess = vi.fn();
    const hook = renderHook<{ to: number }, never>('movies', 'countTo', {
      onChunk: (chunk) => chunks.push(chunk),
      onSuccess,
    });
    await act(() => hook.current.mutate({ to: 3 }));
    expect(chunks).toEqual(['{"count":1}', '{"count":2}', '{"count":3}']);
    expect(onSuccess).toHaveBeenCalledWith(undefined);
    expect(hook.current.data).toBeNull();
  });

  it('sees a chunk before the stream ends, and aborts the stream on unmount', async () => {
    const chunks: string[] = [];
    const hook = renderHook<object, never>('movies', 'forever', { onChunk: (chunk) => chunks.push(chunk) });
    act(() => {
      void hook.current.mutate({});
    });
    await waitFor(() => expect(chunks.length).toBeGreaterThan(0));
    expect((await journal()).aborted).toEqual([]);
    hook.view.unmount();
    await waitFor(async () => expect((await journal()).aborted).toEqual(['producer saw abort']));
  });

  it('aborts a pending call when the component unmounts: the action sees its signal', async () => {
    const hook = renderHook<{ ms: number }, never>('movies', 'slow');
    act(() => {
      void hook.current.mutate({ ms: 5000 });
    });
    await waitFor(async () => expect((await journal()).unitCalls).toBe(1));
    hook.view.unmount();
    await waitFor(async () => expect((await journal()).aborted).toEqual(['slow action saw abort']));
  });

  it("with concurrency 'latest', a new call aborts the one in flight; by default both run", async () => {
    const latest = renderHook<{ ms: number }, { waited: number }>('movies', 'slow', { concurrency: 'latest' });
    await act(async () => {
      const first = latest.current.mutate({ ms: 3000 });
      await waitFor(async () => expect((await journal()).unitCalls).toBe(1));
      await latest.current.mutate({ ms: 10 });
      await first;
    });
    expect(latest.current.data).toEqual({ waited: 10 });
    await waitFor(async () => expect((await journal()).aborted).toEqual(['slow action saw abort']));
    await server.reset();
    const parallel = renderHook<{ ms: number }, { waited: number }>('movies', 'slow');
    await act(async () => {
      await Promise.all([parallel.current.mutate({ ms: 60 }), parallel.current.mutate({ ms: 10 })]);
    });
    expect((await journal()).unitCalls).toBe(2);
    expect((await journal()).aborted).toEqual([]);
  });

  it('uploads files nested in the payload as multipart; they arrive exactly', async () => {
    const hook = renderHook<unknown, unknown>('movies', 'upload');
    const poster = new File(['poster bytes'], 'poster.png', { type: 'image/png' });
    await act(() =>
      hook.current.mutate({ movieId: 7, poster, stills: [{ file: new File(['a'], 'a.jpg', { type: 'image/jpeg' }) }] }),
    );
    expect(hook.current.data).toEqual({
      movieId: 7,
      poster: { file: 'poster.png', size: 12, type: 'image/png' },
      stills: [{ file: { file: 'a.jpg', size: 1, type: 'image/jpeg' } }],
    });
  });

  it("invalidate: 'auto' re-runs the page's loader after success", async () => {
    const reload = vi.fn(async () => {});
    const release = setPageReloader(reload);
    const hook = renderHook<{ title: string }, unknown>('movies', 'add', { invalidate: 'auto' });
    await act(() => hook.current.mutate({ title: 'Heat' }));
    expect(reload).toHaveBeenCalledTimes(1);
    const plain = renderHook<{ title: string }, unknown>('movies', 'add', { invalidate: false });
    await act(() => plain.current.mutate({ title: 'Ran' }));
    expect(reload).toHaveBeenCalledTimes(1);
    release();
  });

  it('invalidate: [names] clears the named caches, and a subscribed view refetches', async () => {
    const movies = createCache<string[]>('movies');
    const ratings = createCache<number>('ratings');
    const other = createCache<number>('other');
    movies.set(['Alien']);
    ratings.set(5);
    other.set(1);
    function Sidebar() {
      const [version, setVersion] = useState(0);
      useEffect(() => movies.subscribe(() => setVersion((v) => v + 1)), []);
      return h('aside', null, `sidebar v${version}`);
    }
    render(h(Sidebar, null));
    const hook = renderHook<{ title: string }, unknown>('movies', 'add', { invalidate: ['movies', 'ratings'] });
    await act(() => hook.current.mutate({ title: 'Up' }));
    expect(movies.has()).toBe(false);
    expect(ratings.has()).toBe(false);
    expect(other.get()).toBe(1);
    expect(screen.getByText('sidebar v1')).toBeTruthy();
  });

  it('follows a redirect outcome within the origin, and refuses one to another origin', async () => {
    const visited: string[] = [];
    setNavigator((to) => visited.push(to));
    const hook = renderHook<object, never>('movies', 'leave', { onSuccess: () => visited.push('success?') });
    await act(() => hook.current.mutate({}));
    expect(visited).toEqual(['/elsewhere']);
    expect(hook.current.error).toBeNull();
    setNavigator((to) => location.assign(to));
  });

  it('surfaces a guard denial with the server message and status', async () => {
    const hook = renderHook<{ title: string }, never>('movies', 'remove');
    await act(() => hook.current.mutate({ title: 'Alien' }));
    expect(hook.current.error?.message).toBe('Authentication required');
    expect((hook.current.error as ActionCallError).status).toBe(401);
    expect((hook.current.error as ActionCallError).code).toBe('UNAUTHORIZED');
  });
});

describe('useAction with rich values', () => {
  it('round-trips a Date, Map, Set, BigInt, URL and undefined both ways through devalue', async () => {
    const sent = renderHook<Record<string, unknown>, Record<string, string>>('movies', 'describeRich');
    await act(() =>
      sent.current.mutate({
        when: new Date(0),
        index: new Map([[1, 2]]),
        tags: new Set([1]),
        big: 2n,
        home: new URL('https://x.dev'),
        missing: undefined,
      }),
    );
    expect(sent.current.data).toEqual({
      when: 'Date',
      index: 'Map',
      tags: 'Set',
      big: 'BigInt',
      home: 'URL',
      missing: 'undefined',
    });
    const received = renderHook<object, Record<string, unknown>>('movies', 'rich');
    await act(() => received.current.mutate({}));
    const data = received.current.data as Record<string, unknown>;
    expect(data.when).toBeInstanceOf(Date);
    expect(data.index).toEqual(new Map([['dune', 1965]]));
    expect(data.big).toBe(12345678901234567890n);
    expect(data.first).toBe(data.second);
  });
});
