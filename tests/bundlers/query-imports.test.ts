// Vite's special queries make its asset and worker plugins read a file themselves, in `load`, before any
// transform: `import u from './movies.server.ts?url'` would ship the server module's source as an asset.
// Every such query on a server module id fails the client build, naming the module. webpack and rspack,
// configured by the user to make `?raw` and `?url` assets, run the plugin's loader first: they get the stub.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP, build, SERVER_ROOT, SPECIAL_QUERIES, withDataUrlsDecoded } from './builders.ts';

const SCRATCH = resolve(import.meta.dirname, '..', '..', '.cache', 'builds');

function entryImporting(query: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'query-entry-'));
  const file = join(dir, 'entry.ts');
  writeFileSync(
    file,
    `import imported from '${join(SERVER_ROOT, 'movies.server.ts')}?${query}';\nconsole.log(imported);\n`,
  );
  return relative(APP, file);
}

describe('vite: a server module imported with a special query', () => {
  it.each(SPECIAL_QUERIES)(
    '?%s fails the client build, naming the module',
    async (query) => {
      const outcome = await build('vite', { entry: entryImporting(query), target: 'client' }).then(
        (output) => ({ output, error: null }),
        (error: unknown) => ({ output: null, error }),
      );
      const shipped = outcome.output ? withDataUrlsDecoded([...outcome.output.files.values()].join('\n')) : '';
      expect(shipped.match(/SERVER_MARKER_\w+/g)).toBeNull();
      const text = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      expect(text).toContain('SERVER_MODULE_QUERY');
      expect(text).toContain(join(SERVER_ROOT, 'movies.server.ts'));
      expect(text).toContain(`?${query}`);
    },
    30_000,
  );

  it('is left alone in the server build, where no file reaches a browser', async () => {
    const output = await build('vite', { entry: entryImporting('raw'), target: 'server' });
    expect(output.code).toContain('SERVER_MARKER_movies_action');
  }, 30_000);
});

describe.each(['webpack', 'rspack'] as const)('%s: a server module imported as an asset', (bundler) => {
  it.each(['raw', 'url'])(
    '?%s ships the client stub, never the source',
    async (query) => {
      const output = await build(bundler, { entry: entryImporting(query), target: 'client' });
      const shipped = withDataUrlsDecoded([...output.files.values()].join('\n'));
      expect(shipped.match(/SERVER_MARKER_\w+/g)).toBeNull();
      expect(shipped).toContain('Client stub of server module');
    },
    30_000,
  );
});
