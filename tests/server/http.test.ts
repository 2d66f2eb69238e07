// The handlers over real HTTP on 127.0.0.1 (@hono/node-server): every content type, files at any
// depth, the error statuses, and streaming with its observers, aborts and middleware headers.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { journal } from './app/journal.ts';
import { createApp, listen, type RunningServer } from './app/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await listen(createApp());
});
afterAll(() => server.close());
beforeEach(() => journal.reset());

const json = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/__actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('content types', () => {
  it('takes JSON: numbers stay numbers, nesting stays', async () => {
    const payload = { title: 'Dune', year: 1965, tags: ['sf', 1, true, null], nested: { deep: [{ n: 2.5 }] } };
    const response = await json({ module: 'movies', action: 'echo', payload });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { payload, prototypeIsClean: true } });
  });

  it('takes multipart from our client: files at any depth come back exactly where they were', async () => {
    const form = new FormData();
    const payload = {
      movieId: 7,
      poster: { __hpa_file: 0 },
      gallery: [{ __hpa_file: 1 }, { caption: 'two', image: { __hpa_file: 2 } }],
    };
    form.set('__hpa', JSON.stringify({ module: 'movies', action: 'upload', payload }));
    form.set('__hpa_file_0', new File(['poster bytes'], 'poster.png', { type: 'image/png' }));
    form.set('__hpa_file_1', new File(['a'], 'one.jpg', { type: 'image/jpeg' }));
    form.set('__hpa_file_2', new File([new Uint8Array(3 * 1024 * 1024)], 'big.bin'));
    // A browser sends Origin with every fetch POST (Node's fetch does not: it is set here as a browser would).
    const response = await fetch(`${server.url}/__actions?module=movies&action=upload`, {
      method: 'POST',
      headers: { origin: server.url },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        movieId: 7,
        poster: { file: 'poster.png', size: 12, type: 'image/png' },
        gallery: [
          { file: 'one.jpg', size: 1, type: 'image/jpeg' },
          { caption: 'two', image: { file: 'big.bin', size: 3 * 1024 * 1024, type: 'application/octet-stream' } },
        ],
      },
    });
  });

  it('takes a plain urlencoded form: strings stay strings, a repeated name keeps its last value', async () => {
    const response = await fetch(`${server.url}/__actions?module=movies&action=echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'title=Dune&year=1965&genre=sf&genre=drama',
    });
    expect(await response.json()).toEqual({
      data: { payload: { title: 'Dune', year: '1965', genre: 'drama' }, prototypeIsClean: true },
    });
  });

  it('takes a plain multipart form with a file input', async () => {
    const form = new FormData();
    form.set('movieId', '7');
    form.set('poster', new File(['x'], 'p.png', { type: 'image/png' }));
    // A browser sends Origin with every fetch POST (Node's fetch does not: it is set here as a browser would).
    const response = await fetch(`${server.url}/__actions?module=movies&action=upload`, {
      method: 'POST',
      headers: { origin: server.url },
      body: form,
    });
    expect(await response.json()).toEqual({
      data: { movieId: '7', poster: { file: 'p.png', size: 1, type: 'image/png' } },
    });
  });

  it('calls loaders with their location, default and named, in nested modules', async () => {
    const response = await fetch(`${server.url}/__loaders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'admin/movies', loader: 'default', location: { path: '/admin' } }),
    });
    expect(await response.json()).toEqual({ data: { admin: true } });
    const action = await json({ module: 'admin/movies', action: 'audit' });
    expect(await action.json()).toEqual({ data: { module: 'admin/movies' } });
  });
});

describe('errors: one shape, a stable code, the HTTP status', () => {
  it.each([
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [409, 'CONFLICT'],
    [422, 'UNPROCESSABLE_CONTENT'],
    [429, 'TOO_MANY_REQUESTS'],
  ])('passes a deny(%i) from an action through with code %s', async (status, code) => {
    const response = await json({ module: 'movies', action: 'forbid', payload: { status } });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code, status, message: `denied with ${status}`, reason: 'DENIED' },
    });
  });

  it('answers an ActionGuardError with its status before the action runs', async () => {
    const response = await json({ module: 'movies', action: 'remove', payload: { title: 'Alien' } });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Authentication required' });
    expect(journal.unitCalls).toBe(0);
    const allowed = await json(
      { module: 'movies', action: 'remove', payload: { title: 'Alien' } },
      { authorization: 'Bearer letmein' },
    );
    expect(await allowed.json()).toEqual({ data: { removed: 'Alien' } });
  });

  it('redacts an unexpected error in production and logs it under the same request id', async () => {
    const logged: { id: string; message: string }[] = [];
    const production = await listen(
      createApp({
        production: true,
        onError: (error, info) => logged.push({ id: info.requestId, message: (error as Error).message }),
      }),
    );
    try {
      const response = await fetch(`${production.url}/__actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: 'movies', action: 'crash' }),
      });
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' });
      expect(JSON.stringify(error)).not.toContain('hunter2');
      expect(logged).toEqual([{ id: error.requestId, message: 'database password is hunter2' }]);
    } finally {
      await production.close();
    }
  });

  it('keeps the message of an unexpected error in development', async () => {
    const response = await json({ module: 'movies', action: 'crash' });
    expect((await response.json()).error).toMatchObject({ status: 500, message: 'database password is hunter2' });
  });

  it('answers a redirect thrown by an action with the envelope and its status', async () => {
    const response = await json({ module: 'movies', action: 'leave' });
    expect(await response.json()).toEqual({ __outcome: 'redirect', to: '/elsewhere', status: 303 });
  });
});

/** Reads an event stream into its events, as they arrive. */
async function* events(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
      yield { name, data };
      end = buffer.indexOf('\n\n');
    }
  }
}

describe('streaming', () => {
  it('streams 1,000 chunks in order, then an end event, with the cookies and headers middleware set', async () => {
    const response = await json({ module: 'movies', action: 'count' });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('set-cookie')).toContain('seen=1');
    expect(response.headers.get('x-timing')).toBe('on');
    const received: string[] = [];
    let last = '';
    for await (const event of events(response)) {
      if (event.name === 'chunk') received.push(event.data);
      last = event.name;
    }
    expect(received).toHaveLength(1000);
    expect(received[0]).toBe('{"count":1}');
    expect(received[999]).toBe('{"count":1000}');
    expect(last).toBe('end');
    // One observer throws on every chunk; the others and the stream go on.
    expect(journal.observed).toEqual(['start', 'chunk:0', 'end:1000']);
    expect(journal.observerFailures).toHaveLength(1000);
  });

  it('sends an error event when the stream fails midway, after the chunks before it', async () => {
    const response = await json({ module: 'movies', action: 'failMidway' });
    const seen: { name: string; data: string }[] = [];
    for await (const event of events(response)) seen.push(event);
    expect(seen.slice(0, 2)).toEqual([
      { name: 'chunk', data: 'first' },
      { name: 'chunk', data: 'second' },
    ]);
    expect(seen[2]?.name).toBe('error');
    expect(JSON.parse(seen[2]?.data ?? '{}').error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
    expect(seen).toHaveLength(3);
    expect(journal.observed).toContain('error:2:stream broke after two chunks');
  });

  it('stops the producer when the client goes away: onAbort fires once and the unit sees its signal', async () => {
    const controller = new AbortController();
    const response = await json({ module: 'movies', action: 'forever' }, {});
    const abortable = await fetch(`${server.url}/__actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'movies', action: 'forever' }),
      signal: controller.signal,
    });
    await response.body?.cancel();
    const reader = (abortable.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => journal.aborted.length, { timeout: 3000 }).toBe(2);
    expect(journal.aborted).toEqual(['producer saw abort', 'producer saw abort']);
    expect(journal.observed.filter((entry) => entry.startsWith('abort'))).toEqual(['abort:true', 'abort:true']);
    const ticksThen = journal.unitCalls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(journal.unitCalls).toBe(ticksThen);
  });

  it('keeps a slow client from being flooded: the producer only runs as far as the client reads', async () => {
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      const req = httpRequest(
        `${server.url}/__actions`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        resolve,
      );
      req.end(JSON.stringify({ module: 'movies', action: 'forever' }));
    });
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 150));
    response.destroy();
    await expect.poll(() => journal.aborted.length, { timeout: 3000 }).toBe(1);
  });
});
