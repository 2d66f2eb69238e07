// render() is page scope only, at type level where TypeScript can see it: the middleware meant to throw
// it (`defineServerMiddleware<'page'>`) is refused around loaders, actions and the app, and render is
// not exported from the isomorphic entry. `npm test` typechecks this file: each @ts-expect-error must
// meet an error, or tsc fails the run. At runtime it is an error everywhere else (chain.test.ts).
import { h } from 'preact';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as isomorphic from '../../runtime/index.ts';
import {
  defineAction,
  defineActionGuard,
  defineApp,
  defineClientMiddleware,
  defineLoader,
  defineServerMiddleware,
  defineStreamObserver,
} from '../../runtime/index.ts';
import { definePage, type RouteParams, render } from '../../runtime/page/index.ts';

const Join = () => h('p', null, 'join');
const pageOnly = defineServerMiddleware<'page'>(async (ctx, next) => {
  expectTypeOf(ctx.scope).toEqualTypeOf<'page'>();
  if (!ctx.c.req.header('cookie')) throw render(Join);
  await next();
});
const anyScope = defineServerMiddleware(async (_ctx, next) => next());
const actionOnly = defineServerMiddleware<'action'>(async (_ctx, next) => next());
const client = defineClientMiddleware(async (ctx, next) => {
  expectTypeOf(ctx.scope).toEqualTypeOf<'page'>();
  await next();
});
const guard = defineActionGuard(async (_ctx, next) => next());
const observer = defineStreamObserver({ onChunk: () => {} });

describe('render is page scope only', () => {
  it('accepts page middleware where a page is: definePage', () => {
    definePage(Join, { use: [pageOnly, anyScope, client, [anyScope, client]] });
    // @ts-expect-error an action's middleware does not belong around a page
    definePage(Join, { use: [actionOnly] });
  });

  it('refuses page middleware around loaders, actions and the app', () => {
    defineAction(async () => 1, { use: [anyScope, actionOnly, guard, client, observer] });
    defineLoader(async () => 1, { use: [anyScope, guard, client, observer] });
    defineApp({ use: [anyScope, client] });
    // @ts-expect-error a page's middleware (it may throw render) around an action
    defineAction(async () => 1, { use: [pageOnly] });
    // @ts-expect-error the same around a loader
    defineLoader(async () => 1, { use: pageOnly });
    // @ts-expect-error the app's use wraps loaders and actions too
    defineApp({ use: [pageOnly] });
    // @ts-expect-error an action's middleware around a loader
    defineLoader(async () => 1, { use: [actionOnly] });
  });

  it('is exported from hono-preact-actions/page only', () => {
    expect('render' in isomorphic).toBe(false);
    expectTypeOf(isomorphic).not.toHaveProperty('render');
  });
});

describe('RouteParams', () => {
  it('types the parameters a pattern gives', () => {
    expectTypeOf<RouteParams<'/admin/users/:id'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<RouteParams<'/projects/:projectId/files/*'>>().toEqualTypeOf<{ projectId: string; '*': string }>();
    expectTypeOf<RouteParams<'/about'>>().toEqualTypeOf<{}>();
  });
});
