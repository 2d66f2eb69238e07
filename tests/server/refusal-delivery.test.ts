// A refusal decided before the body is read (413 by declared length, 403 cross-site) must reach the
// client, in both connection modes: Node resets a socket closed with unread bytes in it, and a reset
// can overtake the answer. Over @hono/node-server on 127.0.0.1, with node:http and with raw sockets.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journal } from './app/journal.ts';
import { createApp, listen, type RunningServer } from './app/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await listen(createApp());
});
afterAll(() => server.close());

// Four at a time, 16 MiB each: the server answers while the clients are still sending, as under load.
const TRIES = 8;
const PARALLEL = 4;
const BODY = new Uint8Array(16 * 1024 * 1024).fill(0x20);

const refusals = [
  { name: '413 by declared length', headers: {}, status: 413 },
  { name: '403 cross-site', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, status: 403 },
] as const;

function viaHttp(headers: Record<string, string>, connection: string, chunked: boolean): Promise<number | string> {
  return new Promise((resolve) => {
    const framing = chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(BODY.byteLength) };
    const req = request(`${server.url}/__actions`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', ...framing, connection, ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    // Headers first, the body a moment later, as a browser or a proxy streams an upload.
    req.flushHeaders();
    setTimeout(() => sendBody(req, chunked));
  });
}

function sendBody(req: ReturnType<typeof request>, chunked: boolean) {
  if (!chunked) return void req.end(BODY);
  const part = BODY.byteLength / 8;
  for (let at = 0; at < BODY.byteLength; at += part) req.write(BODY.subarray(at, at + part));
  req.end();
}

function viaSocket(headers: Record<string, string>, connection: string): Promise<number | string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    const head = [
      'POST /__actions HTTP/1.1',
      `Host: 127.0.0.1:${server.port}`,
      'Content-Type: application/json',
      `Content-Length: ${BODY.byteLength}`,
      `Connection: ${connection}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      '',
    ].join('\r\n');
    const answer = () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      return status && received.endsWith('}}') ? Number(status) : undefined;
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = answer();
      if (status !== undefined) {
        socket.destroy();
        resolve(status);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(answer() ?? error.code ?? 'error'));
    socket.on('close', () => resolve(answer() ?? 'closed without an answer'));
    socket.write(head);
    setTimeout(() => socket.write(BODY));
  });
}

describe('a refusal before the body is read reaches the client', () => {
  for (const refusal of refusals) {
    for (const connection of ['close', 'keep-alive']) {
      it(`${refusal.name}, Connection: ${connection}, node:http and raw sockets`, async () => {
        journal.reset();
        const answers: (number | string)[] = [];
        // Each client three ways: node:http with a declared length, node:http chunked, a raw socket.
        for (const client of [0, 1, 2]) {
          for (let i = 0; i < TRIES; i++) {
            const batch = Array.from({ length: PARALLEL }, () =>
              client === 2
                ? viaSocket(refusal.headers, connection)
                : viaHttp(refusal.headers, connection, client === 1),
            );
            answers.push(...(await Promise.all(batch)));
          }
        }
        expect(answers.filter((answer) => answer !== refusal.status)).toEqual([]);
        expect(journal.unitCalls).toBe(0);
      });
    }
  }
});
