// Deploy safety on the server: a call for a unit this build does not know, from a client of another
// build, is a stale client (409 STALE_CLIENT), not a bad call (404).
import { describe, expect, it } from 'vitest';
import { createApp } from './app/server.ts';

const app = createApp({ buildId: 'build-2' });
const call = (action: string, build?: string) =>
  app.request('/__actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(build ? { 'x-hpa-build': build } : {}) },
    body: JSON.stringify({ module: 'movies', action, payload: {} }),
  });

describe('a stale client', () => {
  it('gets 409 STALE_CLIENT for a unit this build does not have', async () => {
    const response = await call('renamedAway', 'build-1');
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: 'CONFLICT', reason: 'STALE_CLIENT' });
  });

  it('is served as usual when what it calls still exists', async () => {
    expect((await call('echo', 'build-1')).status).toBe(200);
  });

  it('is no excuse for a bad call: the same build, or no build named, gets 404', async () => {
    expect((await call('renamedAway', 'build-2')).status).toBe(404);
    expect((await call('renamedAway')).status).toBe(404);
    const unknownModule = await app.request('/__actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hpa-build': 'build-1' },
      body: JSON.stringify({ module: 'gone', action: 'x' }),
    });
    expect((await unknownModule.json()).error.reason).toBe('STALE_CLIENT');
  });
});
