// Runs every curl example of PROTOCOL.md against a real server on 127.0.0.1 and compares the answer
// with the block that follows it, so the document cannot drift from the code.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, listen, type RunningServer } from './app/server.ts';

// Asynchronous: the server answering curl runs in this same process.
const run = promisify(execFile);
const DOC_ORIGIN = 'http://127.0.0.1:3000';
const protocol = readFileSync(join(import.meta.dirname, '..', '..', 'PROTOCOL.md'), 'utf8');

interface Example {
  command: string;
  status: number;
  body: string;
}

function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] as string }));
  const found: Example[] = [];
  blocks.forEach((block, index) => {
    if (block.lang !== 'sh') return;
    const answer = blocks[index + 1];
    if (answer?.lang !== 'response') throw new Error(`the example ${block.text.slice(0, 60)} has no response block`);
    const [statusLine = '', ...rest] = answer.text.split('\n');
    found.push({ command: block.text.trim(), status: Number(statusLine.replace('HTTP ', '')), body: rest.join('\n') });
  });
  return found;
}

let server: RunningServer;
beforeAll(async () => {
  server = await listen(createApp({ buildId: 'the-current-build' }));
});
afterAll(() => server.close());

describe('PROTOCOL.md', () => {
  const all = examples(protocol);

  it('has examples for every part of the wire', () => expect(all.length).toBeGreaterThanOrEqual(9));

  it.each(all.map((example) => [example.command.split('\n')[0], example] as const))('%s', async (_first, example) => {
    const command = `${example.command.replaceAll(DOC_ORIGIN, server.url)} -w '\\nHTTP %{http_code}'`;
    const { stdout: output } = await run('sh', ['-c', command], { encoding: 'utf8', timeout: 10_000 });
    const statusAt = output.lastIndexOf('\nHTTP ');
    const status = Number(output.slice(statusAt + 6));
    const body = output.slice(0, statusAt);
    expect(status).toBe(example.status);
    if (example.body.trimStart().startsWith('{')) {
      expect(JSON.parse(body)).toMatchObject(JSON.parse(example.body));
    } else {
      expect(body).toBe(example.body);
    }
  });
});
