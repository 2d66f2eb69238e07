// The chain order of SPEC.md, for actions and loaders: app -> pageUse -> actionUse/loaderUse ->
// guards -> the unit's own use -> the unit, unwinding in reverse; throws, redirects and denies from
// each ring; client middleware never runs on the server.
import { beforeEach, describe, expect, it } from 'vitest';
import { journal } from './app/journal.ts';
import { createApp } from './app/server.ts';

const app = createApp();

function callAction(payload: object) {
  return app.request('/__actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ module: 'chain', action: 'run', payload }),
  });
}

function callLoader(params: Record<string, string>) {
  return app.request('/__loaders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ module: 'chain', loader: 'default', location: { path: '/chain', params } }),
  });
}

const kinds = [
  { kind: 'action', call: callAction, middleRing: 'actionUse' },
  { kind: 'loader', call: callLoader, middleRing: 'loaderUse' },
] as const;

beforeEach(() => journal.reset());

describe.each(kinds)('the $kind chain', ({ call, middleRing }) => {
  const rings = ['root', 'page', middleRing, 'guard', 'unit'];
  const before = rings.map((ring) => `${ring}:before`);
  const after = [...rings].reverse().map((ring) => `${ring}:after`);

  it('runs each ring in order, enters the unit at the centre and unwinds in reverse', async () => {
    const response = await call({});
    expect(response.status).toBe(200);
    expect(journal.log).toEqual([...before, 'inner', ...after]);
    expect(journal.log).not.toContain('client middleware ran');
  });

  it.each([...rings, 'inner'])(
    'passes a throw in %s through every surrounding finally, then answers 500',
    async (ring) => {
      const response = await call({ throwIn: ring });
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'UNEXPECTED', message: `boom in ${ring}` });
      const depth = ring === 'inner' ? rings.length : rings.indexOf(ring) + 1;
      expect(journal.log).toEqual([
        ...before.slice(0, depth),
        ...(ring === 'inner' ? ['inner'] : []),
        ...after.slice(rings.length - depth),
      ]);
    },
  );

  it.each(rings)('turns a redirect thrown in %s into the redirect envelope, without running the unit', async (ring) => {
    const response = await call({ redirectIn: ring });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ __outcome: 'redirect', to: `/login?from=${ring}`, status: 302 });
    expect(journal.unitCalls).toBe(0);
    expect(journal.log.filter((entry) => entry.endsWith(':after'))).toHaveLength(rings.indexOf(ring) + 1);
  });

  it.each(rings)('answers a deny thrown in %s with its status and message', async (ring) => {
    const response = await call({ denyIn: ring });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'FORBIDDEN', status: 403, message: `denied by ${ring}`, reason: 'DENIED' },
    });
    expect(journal.unitCalls).toBe(0);
  });

  it('refuses a call whose middleware returned without next() and without an outcome', async () => {
    const response = await call({ skipNextIn: 'guard' });
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toMatch(/returned without calling next\(\)/);
    expect(journal.unitCalls).toBe(0);
  });
});
