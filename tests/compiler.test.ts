// The compile() contract beyond the fixtures: null and the pre-check, errors as values, source maps,
// and stubs and stripped modules that really run under Node in every import form.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { afterAll, describe, expect, it } from 'vitest';
import { CompileError, compile, mayNeedCompile } from '../compiler/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string, file = 'input.ts') => readFileSync(join(FIXTURES, name, file), 'utf8');

/** The 1-based line of the first occurrence of `needle` in `code`, and its 0-based column. */
function positionOf(code: string, needle: string) {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length };
}

describe('the pre-check', () => {
  it('returns null for a file that mentions neither a server module nor a factory, without parsing it', () => {
    // Not valid syntax: had the compiler parsed it, it would have thrown a PARSE_ERROR.
    const broken = 'export const = ((( import "./movies.server.ts"';
    expect(compile(broken, { id: '/p/src/page.tsx', target: 'client' })).toBeNull();
  });

  it('parses a server module whatever its content, and a file that names a factory', () => {
    expect(mayNeedCompile('', '/p/src/a.server.ts')).toBe(true);
    expect(mayNeedCompile('', '/p/src/a.server.jsx?v=1')).toBe(true);
    expect(mayNeedCompile('defineClientMiddleware(x)', '/p/src/a.ts')).toBe(true);
    expect(mayNeedCompile('import "./a.server.ts"', '/p/src/a.ts')).toBe(false);
    expect(mayNeedCompile('const server = 1', '/p/src/server.ts')).toBe(false);
    expect(mayNeedCompile('', '/p/src/a.serverless.ts')).toBe(false);
    expect(() => compile('export const = ;', { id: '/p/src/a.server.ts', target: 'server', root: '/p/src' })).toThrow(
      CompileError,
    );
  });

  it('parses a file that may open a side door, and still skips a plain page that imports the runtime', () => {
    const page = "import { useAction } from 'hono-preact-actions';\nexport const a = 1;\n";
    expect(mayNeedCompile(page, '/p/src/page.ts')).toBe(false);
    expect(mayNeedCompile("import * as h from './h.ts';\n", '/p/src/page.ts')).toBe(false);
    for (const code of [
      "export * from './anything.ts';",
      "import * as h from './h.ts';\nexport { h };",
      "import h = require('./h');\nexport { h };",
      "export const u = new URL('./a.server.ts', import.meta.url);",
      "export const lib = import ( 'hono-preact-actions' );",
      "module.exports = require('hono-preact-actions');",
    ]) {
      expect(mayNeedCompile(code, '/p/src/page.ts'), code).toBe(true);
    }
    expect(mayNeedCompile('', '/p/src/movies.server/index.ts')).toBe(true);
  });
});

describe('null means no change', () => {
  it('returns null for a client stub compiled again, with or without a build id', () => {
    for (const buildId of [undefined, 'abc123def456']) {
      const options = { id: '/p/src/pages/movies.server.ts', root: '/p/src/pages', target: 'client' as const, buildId };
      const stub = compile(fixture('server-module-actions-and-default-loader'), options);
      expect(stub?.code).toMatch(/^\/\/ Client stub of server module "movies"/);
      expect(compile(stub?.code ?? '', options)).toBeNull();
    }
  });
});

describe('compile errors', () => {
  it('are CompileErrors with a code, a 1-based line and 0-based column, a frame and the fix', () => {
    const code = "import { x } from './x.ts';\nexport const helper = x;\n";
    let caught: unknown;
    try {
      compile(code, { id: '/p/src/pages/a.server.ts?v=9', target: 'client', root: '/p/src/pages' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CompileError);
    const error = caught as CompileError;
    expect(error.code).toBe('ILLEGAL_EXPORT');
    expect(error.id).toBe('/p/src/pages/a.server.ts');
    expect(error.loc).toEqual({ line: 2, column: 13 });
    expect(error.message.split('\n')[0]).toMatch(/^\/p\/src\/pages\/a\.server\.ts:2:14: `helper` cannot be exported/);
    expect(error.fix).toMatch(/move `helper` to a module without `.server`/);
    expect(error.frame).toContain('> 2 | export const helper = x;');
    expect(error.frame.split('\n')[2]).toBe(`    | ${' '.repeat(13)}^`);
  });

  it('parse .ts files without JSX, so `<T>value` is a cast', () => {
    const code =
      "import { defineServerMiddleware } from 'hono-preact-actions';\nexport const n = <number>(1 as unknown);\n";
    expect(compile(code, { id: '/p/src/cast.ts', target: 'client' })).toBeNull();
  });
});

describe('source maps', () => {
  it('map a position in stripped output back to its line in the input', () => {
    const input = fixture('strip-shadowed-in-inner-scope');
    const result = compile(input, { id: '/p/src/auth.ts', target: 'client' });
    if (!result) throw new Error('expected a change');
    const map = new TraceMap(result.map as never);
    for (const needle of ['export const real', 'return defineServerMiddleware(keepMe)', 'import { keepMe }']) {
      const generated = positionOf(result.code, needle);
      const original = originalPositionFor(map, generated);
      expect({ needle, line: original.line }).toEqual({ needle, line: positionOf(input, needle).line });
    }
  });

  it('carry the input in a client map with every removed range blanked, so no server code ships in it', () => {
    const input = fixture('strip-shadowed-in-inner-scope');
    const result = compile(input, { id: '/p/src/auth.ts', target: 'client' });
    const content = result?.map.sourcesContent?.[0] ?? '';
    expect(content).toHaveLength(input.length);
    expect(content.split('\n')).toHaveLength(input.split('\n').length);
    expect(content).not.toMatch(/secret/);
    const kept = input.indexOf('export const real');
    expect(content.slice(kept, kept + 17)).toBe('export const real');
    const server = compile(input, { id: '/p/src/auth.ts', target: 'server' });
    expect(server).toBeNull();
  });

  it('give a client stub a map that maps nothing and names no source', () => {
    const input = fixture('server-module-export-specifiers');
    const result = compile(input, { id: '/p/src/pages/movies.server.ts', target: 'client', root: '/p/src/pages' });
    expect(result?.map).toEqual({ version: 3, sources: [], sourcesContent: [], names: [], mappings: '' });
  });

  it('keep the full input in a server map', () => {
    const input = fixture('strip-client-middleware-in-server-target');
    const result = compile(input, { id: '/p/src/hint.ts', target: 'server' });
    expect(result?.map.sourcesContent).toEqual([input]);
  });
});

describe('modules that hand the factories on', () => {
  const id = '/p/src/lib/actions.ts';
  const forms = [
    "export * from 'hono-preact-actions';\n",
    "export * as hpa from 'hono-preact-actions';\n",
    "export { defineStreamObserver as observe } from 'hono-preact-actions';\n",
    "import { defineClientMiddleware as d } from 'hono-preact-actions';\nexport { d };\n",
    "import * as hpa from 'hono-preact-actions';\nexport { hpa as runtime };\n",
    "export import hpa = require('hono-preact-actions');\n",
  ];

  it.each(forms)('refuse %j unless the module is listed in runtimeModules', (code) => {
    for (const target of ['client', 'server'] as const) {
      expect(() => compile(code, { id, target })).toThrow(expect.objectContaining({ code: 'UNLISTED_RUNTIME_MODULE' }));
      expect(compile(code, { id, target, runtimeModules: [id] })).toBeNull();
    }
  });

  it('leave re-exports of anything else alone', () => {
    for (const code of [
      "export { defineAction, redirect } from 'hono-preact-actions';\n",
      "export * from './helpers.ts';\nexport const defineServerMiddlewareLike = 1;\n",
    ]) {
      expect(compile(code, { id, target: 'client' })).toBeNull();
    }
  });
});

describe('names written with escapes', () => {
  // The analysis skips statements that do not write a name it looks for; an escape must not hide one.
  const head = "import { defineServerMiddleware } from 'hono-preact-actions';\nimport { audit } from './audit.ts';\n";

  it('still see a binding read only inside a stripped body, and remove it from the client', () => {
    const code = `${head}export const logged = defineServerMiddleware(async (_c, next) => { \\u0061udit(); await next(); });\n`;
    const output = compile(code, { id: '/p/src/page.ts', target: 'client' })?.code ?? '';
    expect(output).not.toContain('audit');
    expect(output).toContain('export const logged = defineServerMiddleware();');
  });

  it('still see a binding read elsewhere, and keep it', () => {
    const code = `${head}export const logged = defineServerMiddleware(async () => { audit(); });\nexport const later = () => \\u0061udit;\n`;
    expect(compile(code, { id: '/p/src/page.ts', target: 'client' })?.code).toContain(
      "import { audit } from './audit.ts';",
    );
  });

  it('still see the runtime loaded by a specifier with an escape', () => {
    const code = `${head}export const lazy = () => import('hono\\u002Dpreact-actions');\n`;
    expect(() => compile(code, { id: '/p/src/page.ts', target: 'client' })).toThrow(
      expect.objectContaining({ code: 'DYNAMIC_RUNTIME_IMPORT' }),
    );
  });
});

describe('the debug hook', () => {
  it('sees the output after every pass, in order', () => {
    const seen: string[] = [];
    compile(fixture('server-module-client-middleware-stripped-on-server'), {
      id: '/p/src/pages/account.server.ts',
      root: '/p/src/pages',
      target: 'server',
      onPass: (pass) => seen.push(pass),
    });
    expect(seen).toEqual(['validateServerExports', 'nameUnitMaps', 'stripMiddleware', 'removeUnusedImports']);
  });
});

describe('compiled output runs', () => {
  // Inside the package, so `hono-preact-actions` resolves to this checkout by self-reference.
  const cacheDir = join(import.meta.dirname, '..', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(join(cacheDir, 'run-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, code: string) => {
    mkdirSync(join(scratch, path, '..'), { recursive: true });
    writeFileSync(join(scratch, path), code);
  };
  const run = (entry: string) =>
    JSON.parse(execFileSync(process.execPath, [join(scratch, entry)], { cwd: scratch, encoding: 'utf8' }));

  it('gives every import form of a server module the same stubs', () => {
    const stub = compile(fixture('server-module-actions-and-default-loader'), {
      id: join(scratch, 'pages/movies.server.ts'),
      root: join(scratch, 'pages'),
      target: 'client',
    });
    write('pages/movies.server.ts', stub?.code ?? '');
    write('pages/reexport.ts', "export { serverActions } from './movies.server.ts';\n");
    write(
      'pages/page.ts',
      `import loader, { serverActions, serverActions as aliased } from './movies.server.ts';
import * as namespace from './movies.server.ts';
import { serverActions as reexported } from './reexport.ts';
const dynamic = await import('./movies.server.ts');
console.log(JSON.stringify({
  loader, named: serverActions.addMovie, aliased: aliased.addMovie, namespace: namespace.serverActions.addMovie,
  dynamic: dynamic.serverActions.addMovie, reexported: reexported.addMovie, dynamicDefault: dynamic.default,
}));
`,
    );
    const stubOf = { module: 'movies', action: 'addMovie' };
    expect(run('pages/page.ts')).toEqual({
      loader: { module: 'movies', loader: 'default' },
      named: stubOf,
      aliased: stubOf,
      namespace: stubOf,
      dynamic: stubOf,
      reexported: stubOf,
      dynamicDefault: { module: 'movies', loader: 'default' },
    });
  });

  it('names the module and its actions when server code reads an action it does not list', () => {
    const server = compile(
      "import { defineAction } from 'hono-preact-actions';\nexport const serverActions = { addMovie: defineAction(async () => 1) };\n",
      { id: join(scratch, 'pages/typo.server.ts'), root: join(scratch, 'pages'), target: 'server' },
    );
    write('pages/typo.server.ts', server?.code ?? '');
    write(
      'typo.ts',
      `import { serverActions } from './pages/typo.server.ts';
const actions: Record<string, unknown> = serverActions;
try { actions['addMovei']; console.log(JSON.stringify('no error')); } catch (error) { console.log(JSON.stringify((error as Error).message)); }
`,
    );
    expect(run('typo.ts')).toBe(
      'serverActions.addMovei is not in the server module "typo": it has addMovie. Check the spelling where serverActions.addMovei is read.',
    );
  });

  it('turns a stripped factory call into the runtime brand with no body', () => {
    const stripped = compile(fixture('strip-in-array-literal'), { id: join(scratch, 'auth.ts'), target: 'client' });
    write('auth.ts', stripped?.code ?? '');
    write(
      'main.ts',
      `import { requireSession } from './auth.ts';
console.log(JSON.stringify(requireSession.map((m) => ({ kind: m.kind, runs: m.runs, hasBody: typeof m.fn === 'function' }))));
`,
    );
    expect(run('main.ts')).toEqual([
      { kind: 'middleware', runs: 'server', hasBody: false },
      { kind: 'middleware', runs: 'client', hasBody: true },
    ]);
  });
});
