// @vitest-environment happy-dom
// <Routes> in the browser: an intra-app navigation loads the route's components, runs the client
// members of its pages' `use` (the layout's before the view's; server members never), and shows the
// page or the outcome one threw: a redirect (replacing the history entry), a deny, a render.
import { act, cleanup, fireEvent, render as mount, screen, waitFor } from '@testing-library/preact';
import { type ComponentChildren, h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineApp, defineClientMiddleware, defineServerMiddleware, deny, redirect } from '../../runtime/index.ts';
import { definePage, defineRoutes, Link, navigate, render, Routes } from '../../runtime/page/index.ts';

const journal: string[] = [];
let signedIn = false;

const requireSession = defineClientMiddleware(async (ctx, next) => {
  journal.push(`gate ${ctx.route} ${JSON.stringify(ctx.location)}`);
  if (!signedIn) throw redirect('/login');
  await next();
});
const layoutRing = defineClientMiddleware(async (_ctx, next) => {
  journal.push('layout:before');
  try {
    await next();
  } finally {
    journal.push('layout:after');
  }
});
const appRing = defineClientMiddleware(async (_ctx, next) => {
  journal.push('app:before');
  await next();
  journal.push('app:after');
});
const serverOnly = defineServerMiddleware(async () => {
  throw new Error('a server middleware ran in the browser');
});

const Join = () => h('p', { id: 'join' }, 'Join first.');
const Home = () => h('nav', null, h(Link, { href: '/area/secret/7?tab=a', id: 'to-secret' }, 'secret'));
const Layout = definePage(({ children }: { children?: ComponentChildren }) => h('section', { id: 'area' }, children), {
  use: [layoutRing, serverOnly],
});
const Secret = definePage(
  ({ params }: { params: Record<string, string> }) => h('p', { id: 'secret' }, `secret ${params.id}`),
  {
    use: [requireSession, serverOnly],
  },
);
const page = (component: unknown) => async () => ({ default: component as () => null });

const routes = defineRoutes([
  { path: '/', view: page(Home) },
  { path: '/login', view: page(() => h('p', { id: 'login' }, 'Sign in')) },
  {
    path: '/area',
    layout: page(Layout),
    children: [
      { path: 'secret/:id', view: page(Secret) },
      {
        path: 'denied',
        view: page(
          definePage(() => h('p', null, 'never'), {
            use: defineClientMiddleware(async () => {
              throw deny(403, 'No entry.');
            }),
          }),
        ),
      },
      {
        path: 'replaced',
        view: page(
          definePage(() => h('p', null, 'never'), {
            use: defineClientMiddleware(async () => {
              throw render(Join);
            }),
          }),
        ),
      },
      {
        path: 'loop',
        view: page(
          definePage(() => h('p', null, 'never'), {
            use: defineClientMiddleware(async () => {
              throw redirect('/area/loop');
            }),
          }),
        ),
      },
    ],
  },
]);

beforeEach(async () => {
  journal.length = 0;
  signedIn = false;
  history.replaceState(null, '', '/');
  await routes.preload('/');
  mount(h(Routes, { routes, app: defineApp({ use: [appRing] }) }));
});
afterEach(cleanup);

const go = (to: string) => act(() => navigate(to));

describe('<Routes> on a client navigation', () => {
  it("redirects from a client gate before the page shows, replacing the gated page's history entry", async () => {
    const entries = history.length;
    await go('/area/secret/7');
    await screen.findByText('Sign in');
    expect(location.pathname).toBe('/login');
    expect(history.length).toBe(entries + 1);
    // The redirect passes out through the layout's finally (the app's ring has none), then /login runs the app's ring.
    await waitFor(() =>
      expect(journal).toEqual([
        'app:before',
        'layout:before',
        'gate /area/secret/:id {"path":"/area/secret/7","search":"","params":{"id":"7"}}',
        'layout:after',
        'app:before',
        'app:after',
      ]),
    );
  });

  it('shows the page inside its layout when the gates let it through, on a <Link> click', async () => {
    signedIn = true;
    await act(() => {
      fireEvent.click(document.getElementById('to-secret') as HTMLElement);
    });
    await waitFor(() => expect(document.getElementById('area')?.innerHTML).toBe('<p id="secret">secret 7</p>'));
    expect(location.pathname + location.search).toBe('/area/secret/7?tab=a');
    await waitFor(() =>
      expect(journal).toEqual([
        'app:before',
        'layout:before',
        'gate /area/secret/:id {"path":"/area/secret/7","search":"?tab=a","params":{"id":"7"}}',
        'layout:after',
        'app:after',
      ]),
    );
  });

  it("shows a deny's message in the route's place", async () => {
    await go('/area/denied');
    expect((await screen.findByRole('alert')).textContent).toBe('No entry.');
    expect(location.pathname).toBe('/area/denied');
  });

  it("shows render(Component)'s component in the page's place, at the same URL", async () => {
    await go('/area/replaced');
    expect((await screen.findByText('Join first.')).parentElement?.hasAttribute('data-hpa-render')).toBe(true);
    expect(location.pathname).toBe('/area/replaced');
  });

  it('stops a redirect loop between gates and says so', async () => {
    await go('/area/loop');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many redirects, the last to /area/loop');
  });

  it('follows the back button, and shows the not-found view for a path no route matches', async () => {
    signedIn = true;
    await go('/area/secret/1');
    await screen.findByText('secret 1');
    await go('/nowhere');
    expect((await screen.findByRole('alert')).textContent).toBe('Not found.');
    await act(() => {
      history.back();
    });
    await screen.findByText('secret 1');
  });

  it("leaves a modified click, a target and a link's own preventDefault to the browser", async () => {
    const seen: boolean[] = [];
    // Runs after the link's handler (bubbling), records whether it took the click, then keeps the test page.
    const watch = (event: Event) => {
      seen.push(event.defaultPrevented);
      event.preventDefault();
    };
    document.addEventListener('click', watch);
    try {
      const own = mount(
        h('div', null, [
          h(Link, { href: '/login', id: 'blank', target: '_blank' }, 'new tab'),
          h(Link, { href: '/login', id: 'own', onClick: (event: Event) => event.preventDefault() }, 'own'),
        ]),
      );
      await act(() => {
        fireEvent.click(document.getElementById('to-secret') as HTMLElement, { ctrlKey: true });
        fireEvent.click(own.container.querySelector('#blank') as HTMLElement);
      });
      expect(seen).toEqual([false, false]);
      await act(() => {
        fireEvent.click(own.container.querySelector('#own') as HTMLElement);
      });
      expect(location.pathname).toBe('/');
    } finally {
      document.removeEventListener('click', watch);
    }
  });

  it('scrolls to the top on a new navigation, and leaves the back button its restored position', async () => {
    const scrolls: string[] = [];
    const original = window.scrollTo;
    window.scrollTo = ((x: number, y: number) => void scrolls.push(`${x},${y}`)) as typeof window.scrollTo;
    try {
      signedIn = true;
      await go('/area/secret/2');
      await screen.findByText('secret 2');
      expect(scrolls).toEqual(['0,0']);
      await act(() => {
        history.back();
      });
      await screen.findByRole('navigation');
      expect(scrolls).toEqual(['0,0']);
    } finally {
      window.scrollTo = original;
    }
  });

  it('refuses to navigate to another origin', () => {
    expect(() => navigate('https://elsewhere.example/')).toThrow('Refused navigation to https://elsewhere.example');
  });
});

describe('<Routes> keeps what a navigation does not change', () => {
  it('keeps a layout mounted across its children, and remounts it when its own parameters change', async () => {
    cleanup();
    const mounts: string[] = [];
    const ProjectLayout = ({ params, children }: { params: Record<string, string>; children?: ComponentChildren }) => {
      // A state initialiser runs once per mount, during the render itself.
      useState(() => mounts.push(`layout ${params.projectId}`));
      return h('section', null, children);
    };
    const Tab = ({ params }: { params: Record<string, string> }) => {
      useState(() => mounts.push(`tab ${params.projectId}`));
      return h('p', null, `project ${params.projectId}`);
    };
    const projects = defineRoutes([
      { path: '/', view: page(Home) },
      {
        path: '/projects/:projectId',
        layout: page(ProjectLayout),
        children: [
          { path: 'board', view: page(Tab) },
          { path: 'files', view: page(Tab) },
        ],
      },
    ]);
    await projects.preload('/');
    mount(h(Routes, { routes: projects }));
    await go('/projects/7/board');
    await screen.findByText('project 7');
    await go('/projects/7/files');
    await waitFor(() => expect(mounts).toEqual(['layout 7', 'tab 7', 'tab 7']));
    await go('/projects/8/board');
    await screen.findByText('project 8');
    await waitFor(() => expect(mounts).toEqual(['layout 7', 'tab 7', 'tab 7', 'layout 8', 'tab 8']));
  });
});
