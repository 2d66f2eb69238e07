// Statuses and codes as PROTOCOL.md lists them: the documented mounting answers 405 to every method but
// POST; a deny is coded by its status's own name; isActionError is true only for errors the action
// meant; and a unit name the module does not list fails where it is read, naming the module and its units.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ActionError, deny, defineAction, defineLoader, isActionError, isInputError } from '../../runtime/index.ts';
import { ActionCallError } from '../../runtime/client/call.ts';
import { actionsHandler, listedUnits, loadersHandler } from '../../runtime/server/index.ts';
import type { WireError } from '../../runtime/shared/wire.ts';

const teapot = {
  serverActions: {
    brew: defineAction(async (_ctx, payload: { status: number }) => {
      throw deny(payload.status, 'Not today.');
    }),
  },
  default: defineLoader(async () => ({ ok: true })),
};
const modules = { '/src/pages/teapot.server.ts': teapot };
const options = { root: '/src/pages', onError: () => {} };
// Mounted as README and the starter show it.
const app = new Hono()
  .all('/__actions', actionsHandler(modules, options))
  .all('/__loaders', loadersHandler(modules, options))
  .get('*', (c) => c.html('<p>page</p>', 404));

const post = (status: number) =>
  app.request('/__actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ module: 'teapot', action: 'brew', payload: { status } }),
  });

describe('the documented mounting', () => {
  for (const [path, method] of [
    ['/__actions', 'GET'],
    ['/__actions', 'PUT'],
    ['/__actions', 'DELETE'],
    ['/__loaders', 'GET'],
    ['/__loaders', 'PATCH'],
  ] as const) {
    it(`answers ${method} ${path} with 405 and Allow: POST`, async () => {
      const response = await app.request(path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(await response.json()).toMatchObject({ error: { code: 'METHOD_NOT_SUPPORTED', reason: 'METHOD' } });
    });
  }
});

describe('a deny is coded by its status', () => {
  for (const [status, code] of [
    [401, 'UNAUTHORIZED'],
    [402, 'PAYMENT_REQUIRED'],
    [409, 'CONFLICT'],
    [410, 'GONE'],
    [418, 'IM_A_TEAPOT'],
    [451, 'UNAVAILABLE_FOR_LEGAL_REASONS'],
    [460, 'HTTP_460'],
    [503, 'SERVICE_UNAVAILABLE'],
    [599, 'HTTP_599'],
  ] as const) {
    it(`deny(${status}) is ${code}`, async () => {
      const response = await post(status);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, status, message: 'Not today.', reason: 'DENIED' } });
    });
  }

  it('an ActionError takes the registry names too', () => {
    expect(new ActionError({ code: 'IM_A_TEAPOT' }).status).toBe(418);
  });
});

describe('isActionError', () => {
  const received = (error: Partial<WireError>) =>
    new ActionCallError({ code: 'BAD_REQUEST', status: 400, message: 'x', ...error } as WireError);

  it('is true for what the action meant: its ActionError, a deny or a guard, its schema', () => {
    expect(isActionError(new ActionError({ code: 'CONFLICT', message: 'taken' }))).toBe(true);
    expect(isActionError(received({ code: 'CONFLICT', status: 409, reason: 'ACTION_ERROR' }))).toBe(true);
    expect(isActionError(received({ code: 'FORBIDDEN', status: 403, reason: 'DENIED' }))).toBe(true);
    const invalid = received({ code: 'UNPROCESSABLE_CONTENT', status: 422, reason: 'INVALID_INPUT', fields: {} });
    expect(isActionError(invalid) && isInputError(invalid)).toBe(true);
  });

  it('is false for a redacted 500 and for the runtime refusing the call', () => {
    const crash = received({ code: 'INTERNAL_SERVER_ERROR', status: 500, reason: 'UNEXPECTED', requestId: 'r' });
    expect(isActionError(crash)).toBe(false);
    for (const reason of [
      'CROSS_SITE',
      'BODY_TOO_LARGE',
      'UNKNOWN_ACTION',
      'STALE_CLIENT',
      'MALFORMED_JSON',
    ] as const) {
      expect(isActionError(received({ reason })), reason).toBe(false);
    }
    expect(isActionError(new Error('plain'))).toBe(false);
  });
});

describe('a unit name the module does not list', () => {
  const serverActions = listedUnits(
    { addMovie: defineAction(async () => null), deleteMovie: defineAction(async () => null) },
    'movies',
    'serverActions',
  );

  it('fails where it is read, naming the module, the name and the ones it has', () => {
    expect(() => (serverActions as Record<string, unknown>)['addMovei']).toThrow(
      'serverActions.addMovei is not in the server module "movies": it has addMovie, deleteMovie.',
    );
  });

  it('leaves the listed names, own-property checks, enumeration and probing tools alone', () => {
    expect(typeof serverActions.addMovie).toBe('function');
    expect(Object.hasOwn(serverActions, 'addMovei')).toBe(false);
    expect(Object.keys(serverActions)).toEqual(['addMovie', 'deleteMovie']);
    expect('addMovei' in serverActions).toBe(false);
    expect((serverActions as Record<string, unknown>)['then']).toBeUndefined();
    expect(serverActions.toString).toBe(Object.prototype.toString);
  });
});

describe('a failure before the unit is resolved', () => {
  it('is logged under the module and unit the request named, never ?.?', async () => {
    const logged: { module: string; unit: string }[] = [];
    const broken = {
      // What a lazy glob entry does when its module fails to load (a compile error under a dev server).
      '/src/pages/broken.server.ts': () => Promise.reject(new Error('broken.server.ts:3:1: does not compile')),
    };
    const handler = actionsHandler(broken, { root: '/src/pages', onError: (_error, info) => logged.push(info) });
    const response = await new Hono().all('/__actions', handler).request('/__actions?module=broken&action=save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ payload: {} }),
    });
    expect(response.status).toBe(500);
    expect(logged).toMatchObject([{ module: 'broken', unit: 'save' }]);

    const consoleLines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => consoleLines.push(String(args[0]));
    try {
      const quiet = new Hono().all('/__actions', actionsHandler(broken, { root: '/src/pages' }));
      await quiet.request('/__actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: 'broken', action: 'save', payload: {} }),
      });
    } finally {
      console.error = original;
    }
    expect(consoleLines).toEqual([expect.stringMatching(/failed in broken\.save:$/)]);
  });
});
