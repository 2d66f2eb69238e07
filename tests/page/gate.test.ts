// The seed's requireSession pair, declared once and used by the page (definePage) and its module
// (pageUse): it blocks the server render, and a direct curl to the page's loader and action.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { journal } from '../server/app/journal.ts';
import { listen, type RunningServer } from '../server/app/build-app.ts';
import { createPageApp } from './app/server.ts';

const run = promisify(execFile);
let server: RunningServer;
beforeAll(async () => {
  server = await listen(createPageApp());
});
afterAll(() => server.close());
beforeEach(() => journal.reset());

async function curl(...args: string[]): Promise<{ status: number; body: string; headers: string }> {
  const { stdout } = await run('curl', ['-s', '-i', ...args]);
  const [head = '', body = ''] = stdout.split('\r\n\r\n');
  return { status: Number(/^HTTP\/[\d.]+ (\d+)/.exec(head)?.[1]), body, headers: head };
}

const curlJson = (path: string, body: object) =>
  curl('-H', 'content-type: application/json', '--data', JSON.stringify(body), `${server.url}${path}`);

describe('requireSession, declared once', () => {
  it('redirects the server render to /login without a session, and renders with one', async () => {
    const denied = await curl(`${server.url}/account`);
    expect(denied.status).toBe(302);
    expect(denied.headers).toMatch(/^location: \/login$/im);
    const allowed = await curl('-H', 'Cookie: session=yes', `${server.url}/account`);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('<p id="balance">42</p>');
  });

  it("answers a direct call to the page's loader with the redirect, not the data", async () => {
    const response = await curlJson('/__loaders', {
      module: 'account',
      loader: 'default',
      location: { path: '/account' },
    });
    expect(JSON.parse(response.body)).toEqual({ __outcome: 'redirect', to: '/login', status: 302 });
  });

  it("answers a direct call to the page's action with the redirect, and the action never runs", async () => {
    const response = await curlJson('/__actions', { module: 'account', action: 'close', payload: {} });
    expect(JSON.parse(response.body)).toEqual({ __outcome: 'redirect', to: '/login', status: 302 });
    expect(journal.unitCalls).toBe(0);
  });

  it('meets a form posted to the page without JavaScript with the same gate, and the action never runs', async () => {
    // A browser posting the page's own form sends Origin; curl is told to, as one.
    const response = await curl(
      '-H',
      `Origin: ${server.url}`,
      '--data',
      'reason=done',
      `${server.url}/account?module=account&action=close`,
    );
    expect(response.status).toBe(303);
    expect(response.headers).toMatch(/^location: \/login$/im);
    expect(journal.unitCalls).toBe(0);
    const allowed = await curl(
      '-H',
      'Cookie: session=yes',
      '-H',
      `Origin: ${server.url}`,
      '--data',
      'reason=done',
      `${server.url}/account?module=account&action=close`,
    );
    expect(allowed.status).toBe(303);
    expect(allowed.headers).toMatch(/^location: \/account$/im);
    expect(journal.unitCalls).toBe(1);
  });
});
