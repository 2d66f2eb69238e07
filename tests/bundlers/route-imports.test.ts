// A route's `server: () => import('./x.server.ts')` names a module its view also imports, so Vite and
// Rolldown warn once per route and build that the dynamic import cannot split it off. The plugin drops
// exactly those warnings: the same situation for any other module still warns.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import hpaRolldown from '../../unplugin/rolldown.ts';
import hpaVite from '../../unplugin/vite.ts';

const SCRATCH = resolve(import.meta.dirname, '..', '..', '.cache', 'builds');

function writeApp(): string {
  mkdirSync(SCRATCH, { recursive: true });
  const app = mkdtempSync(join(SCRATCH, 'route-imports-'));
  const files: Record<string, string> = {
    'movies.server.ts': `export default async () => ['Alien'];`,
    'helper.ts': `export const helper = () => 'help';`,
    'view.ts': `import loader from './movies.server.ts';\nimport { helper } from './helper.ts';\nexport default () => [loader, helper];`,
    'entry.ts': [
      `import view from './view.ts';`,
      `export const routes = [{ view, server: () => import('./movies.server.ts') }];`,
      `export const other = () => import('./helper.ts');`,
      `console.log(routes, other);`,
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);
  return app;
}

const ineffective = (messages: string[]) =>
  messages.filter(
    (message) => message.includes('INEFFECTIVE_DYNAMIC_IMPORT') || message.includes('dynamically imported'),
  );

describe('warnings about route server imports', () => {
  it('are dropped under Vite, and the same warning for another module is kept', async () => {
    const app = writeApp();
    const { build, createLogger } = await import('vite');
    const messages: string[] = [];
    const logger = createLogger('warn', { allowClearScreen: false });
    logger.warn = (message) => void messages.push(message);
    logger.warnOnce = logger.warn;
    await build({
      root: app,
      configFile: false,
      customLogger: logger,
      plugins: [hpaVite({ target: 'client', root: app })],
      build: { outDir: join(app, 'dist'), rollupOptions: { input: join(app, 'entry.ts') } },
    });
    const warned = ineffective(messages);
    expect(warned.some((message) => message.includes('helper.ts'))).toBe(true);
    expect(warned.filter((message) => message.includes('movies.server.ts'))).toEqual([]);
  });

  it('are dropped under Rolldown, and the same warning for another module is kept', async () => {
    const app = writeApp();
    const { rolldown } = await import('rolldown');
    const codes: string[] = [];
    const bundle = await rolldown({
      input: join(app, 'entry.ts'),
      cwd: app,
      plugins: [hpaRolldown({ target: 'client', root: app })],
      onLog: (_level, log) => void codes.push(`${log.code} ${log.id ?? ''}`),
    });
    await bundle.write({ dir: join(app, 'dist'), format: 'es' });
    await bundle.close();
    const warned = codes.filter((code) => code.startsWith('INEFFECTIVE_DYNAMIC_IMPORT'));
    expect(warned.some((code) => code.endsWith('helper.ts'))).toBe(true);
    expect(warned.filter((code) => code.includes('movies.server.ts'))).toEqual([]);
  });
});
