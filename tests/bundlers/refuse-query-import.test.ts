// Which ids the plugin's Vite load hook refuses in the client graph: a server module under one of Vite's
// special queries, never the queries Vite adds to ordinary module requests, never another file.
import { describe, expect, it } from 'vitest';
import { refuseQueryImport } from '../../unplugin/refuse-query-import.ts';
import { SPECIAL_QUERIES } from './builders.ts';

const ROOT = '/app/src/pages';
const MODULE = '/app/src/pages/movies.server.ts';

describe('refuseQueryImport', () => {
  it.each(SPECIAL_QUERIES)('refuses a server module under ?%s, naming it and the query', (query) => {
    const refusal = refuseQueryImport(`${MODULE}?${query}`, ROOT);
    expect(refusal?.id).toBe(MODULE);
    expect(refusal?.message).toContain(MODULE);
    expect(refusal?.message).toContain(`?${query}`);
    expect(refusal?.message).toContain('Fix: ');
  });

  it('lets through the queries Vite adds to ordinary module requests, which the transform stubs', () => {
    for (const query of ['import', 't=1712', 'v=4f3a', 'import&t=1712', 'worker_file&type=module']) {
      expect(refuseQueryImport(`${MODULE}?${query}`, ROOT)).toBeNull();
    }
    expect(refuseQueryImport(MODULE, ROOT)).toBeNull();
  });

  it('refuses a file in a folder named like a server module, and leaves every other file alone', () => {
    expect(refuseQueryImport('/app/src/pages/movies.server/index.ts?raw', ROOT)?.id).toBe(
      '/app/src/pages/movies.server/index.ts',
    );
    expect(refuseQueryImport('/app/src/logo.svg?url', ROOT)).toBeNull();
    expect(refuseQueryImport('/app/src/pages/movies.ts?raw', ROOT)).toBeNull();
    expect(refuseQueryImport('/work/app.server/src/pages/page.ts?raw', '/work/app.server/src/pages')).toBeNull();
  });
});
