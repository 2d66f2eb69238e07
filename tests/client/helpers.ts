// Component tests run in happy-dom against the real test server, started in its own process on
// 127.0.0.1. The document's URL is the server's origin, so the client runtime's same-origin requests
// go where a browser's would.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { configure } from '@testing-library/preact';
import type { Action } from '../../runtime/index.ts';

// waitFor gives up after 1 s by default: a call to the server process (a schema loaded on first use, a
// loaded CI machine) can take longer. It still returns as soon as its check holds.
configure({ asyncUtilTimeout: 5_000 });

/** What the compiler gives client code for `serverActions.<action>` of `<module>.server.ts`. */
export function stub<P, R>(module: string, action: string): Action<P, R> {
  return { module, action } as unknown as Action<P, R>;
}

export interface TestServer {
  url: string;
  journal(): Promise<{ unitCalls: number; loaderCalls: number; aborted: string[]; observed: string[] }>;
  reset(): Promise<void>;
  close(): void;
}

export async function startServer(): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [join(import.meta.dirname, 'server-process.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${url}/movies`);
  return {
    url,
    journal: async () => (await fetch(`${url}/__journal`)).json(),
    reset: async () => void (await fetch(`${url}/__journal/reset`, { method: 'POST' })),
    close: () => child.kill(),
  };
}
