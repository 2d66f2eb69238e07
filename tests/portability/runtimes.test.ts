// The server runtime, unchanged, on Node, Bun, Deno and workerd: an action, a streamed action and a
// guarded action on each. A runtime that cannot start fails its test with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, type Runtime, start } from './runtimes.ts';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/__actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe.each(['node', 'bun', 'deno', 'workerd'] satisfies Runtime[])('on %s', (runtime) => {
  let server: Running;
  beforeAll(async () => {
    server = await start(runtime);
  }, 120_000);
  afterAll(() => server?.stop());

  it('answers an action', async () => {
    const response = await post(server.url, { module: 'portable', action: 'echo', payload: { n: 1, list: ['a'] } });
    expect(await response.json()).toEqual({ data: { payload: { n: 1, list: ['a'] }, runtime } });
  });

  it('streams a streamed action as server-sent events', async () => {
    const response = await post(server.url, { module: 'portable', action: 'count', payload: { to: 3 } });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await response.text()).toBe(
      'event: chunk\ndata: {"count":1}\n\nevent: chunk\ndata: {"count":2}\n\nevent: chunk\ndata: {"count":3}\n\nevent: end\ndata:\n\n',
    );
  });

  it('refuses a guarded action without credentials, and runs it with them', async () => {
    const refused = await post(server.url, { module: 'portable', action: 'guarded' });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Authentication required' });
    const allowed = await post(server.url, { module: 'portable', action: 'guarded' }, { authorization: 'Bearer ok' });
    expect(await allowed.json()).toEqual({ data: { ok: true } });
  });
});
