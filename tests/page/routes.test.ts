// defineRoutes on its own: matching, parameters, which routes gate which, and the errors a route tree
// can have, each named at definition or on the first call that needs it.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defineLoader } from '../../runtime/index.ts';
import { defineRoutes, type RouteDefinition } from '../../runtime/page/index.ts';
import { loadersHandler } from '../../runtime/server/index.ts';

const view = async () => ({ default: () => null });
const patternOf = (routes: ReturnType<typeof defineRoutes>, path: string) => routes.match(path)?.node.pattern ?? null;

describe('matching', () => {
  const routes = defineRoutes([
    { path: '/files/*', view },
    { path: '/movies/:id', view },
    { path: '/movies/new', view },
    { path: '/', view },
  ]);

  it.each([
    ['/movies/new', '/movies/new'],
    ['/movies/42', '/movies/:id'],
    ['/movies/42/', '/movies/:id'],
    ['/', '/'],
    ['/files/a/b.txt', '/files/*'],
    ['/movies', null],
    ['/movies/42/cast', null],
  ])('%s shows %s (static beats a parameter, a parameter beats *)', (path, pattern) => {
    expect(patternOf(routes, path)).toBe(pattern);
  });

  it('decodes parameters, and a malformed escape matches nothing', () => {
    expect(routes.match('/movies/red%20dawn')?.params).toEqual({ id: 'red dawn' });
    expect(routes.match('/files/a%2Fb/c')?.params).toEqual({ '*': 'a/b/c' });
    expect(routes.match('/movies/%E0%A4%A')).toBeNull();
  });
});

describe('gates', () => {
  const tree: RouteDefinition[] = [
    {
      path: '/projects/:projectId',
      layout: view,
      children: [{ path: '/projects/:id/board', view }],
    },
    { path: '/projects/:key/settings', view },
    { path: '/movies', view },
    { path: '/movies/:id', view },
  ];
  const routes = defineRoutes(tree);

  it('aligns parameters at the same position: the layout and the leaf each see theirs', () => {
    expect(routes.match('/projects/7/board')?.params).toEqual({ projectId: '7', id: '7' });
  });

  it("gates a route declared outside a layout's children by that layout, by its path", () => {
    const settings = routes.match('/projects/7/settings')?.node;
    expect(settings?.gates.map((gate) => gate.pattern)).toEqual(['/projects/:projectId', '/projects/:key/settings']);
    expect(settings?.chain.map((node) => node.pattern)).toEqual(['/projects/:key/settings']);
  });

  it('does not make a page a gate of a deeper page: only layouts gate', () => {
    expect(routes.match('/movies/3')?.node.gates.map((gate) => gate.pattern)).toEqual(['/movies/:id']);
  });
});

describe('errors in the tree', () => {
  it.each<[string, RouteDefinition[], RegExp]>([
    [
      'two routes for the same paths, by shape',
      [
        { path: '/movies/:id', view },
        { path: '/movies/:slug', view },
      ],
      /\/movies\/:id and \/movies\/:slug match the same paths/,
    ],
    [
      'two routes for the same paths, with a route of equal rank declared between them',
      [
        { path: '/movies/:id', view },
        { path: '/about/:section', view },
        { path: '/movies/:slug', view },
      ],
      /\/movies\/:id and \/movies\/:slug match the same paths/,
    ],
    ['a route with nothing to show', [{ path: '/empty' }], /route \/empty has neither a view nor children/],
    [
      "an absolute child path that does not restate its parent's",
      [{ path: '/admin', layout: view, children: [{ path: '/users/:id', view }] }],
      /\/users\/:id is declared under \/admin but does not start with it/,
    ],
  ])('%s', (_name, tree, message) => {
    expect(() => defineRoutes(tree)).toThrow(message);
  });

  const loader = defineLoader(async () => 'data');
  const call = async (glob: Record<string, unknown>, routes: ReturnType<typeof defineRoutes>) => {
    const app = new Hono().post('/__loaders', loadersHandler(glob, { routes, root: '/pages', onError: () => {} }));
    const response = await app.request('/__loaders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'a', loader: 'default', location: { path: '/a' } }),
    });
    return (await response.json()).error?.message as string | undefined;
  };

  it('refuses calls when a route’s server module is not among the glob’s, since they would skip its gates', async () => {
    const listed = { default: loader };
    const elsewhere = { default: loader };
    const routes = defineRoutes([{ path: '/a', view, server: async () => elsewhere }]);
    expect(await call({ '/pages/a.server.ts': listed }, routes)).toMatch(
      /the server module of route \/a is not among the modules of its glob/,
    );
  });

  it('refuses two routes sharing one server module', async () => {
    const module = { default: loader };
    const routes = defineRoutes([
      { path: '/a', view, server: async () => module },
      { path: '/b', view, server: async () => module },
    ]);
    expect(await call({ '/pages/a.server.ts': module }, routes)).toMatch(
      /routes \/a and \/b have the same server module/,
    );
  });
});
