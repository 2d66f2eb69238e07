// A grammar of modules for property tests: legal and illegal server modules, and client modules that
// use the middleware factories in every position and import form. Every server-only place holds a
// SECRET marker and every client-only place a CLIENTONLY marker, so a leak is a substring away.
import fc from 'fast-check';

const ident = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa');
const secret = (n: number) => `SECRET_${n}`;

/** A body that reads a server-only import and a server-only helper, and names its marker in a string. */
const serverBody = (n: number) => `{ await secretDb${n}.query('${secret(n)}'); return secretHelper${n}(); }`;

export interface Generated {
  code: string;
  extension: '.ts' | '.tsx' | '.js' | '.mts';
}

const extension = fc.constantFrom<Generated['extension']>('.ts', '.tsx', '.js', '.mts');

/** An action map written as a literal, optionally wrapped in `satisfies` / `as const` (TypeScript only). */
function actionMap(names: string[], n: number, typescript: boolean, wrap: number): string {
  const entries = names
    .map((name, i) => `  ${name}${i}: defineAction(async (ctx, payload) => ${serverBody(n)}),`)
    .join('\n');
  const literal = `{\n${entries}\n}`;
  if (!typescript || wrap === 0) return literal;
  return wrap === 1 ? `${literal} satisfies Record<string, unknown>` : `(${literal} as const)`;
}

export const legalServerModule: fc.Arbitrary<Generated> = fc
  .record({
    extension,
    names: fc.array(ident, { minLength: 1, maxLength: 4 }),
    n: fc.nat(999),
    wrap: fc.nat(2),
    viaSpecifier: fc.boolean(),
    defaultForm: fc.nat(3),
    guards: fc.boolean(),
    uses: fc.subarray(['pageUse', 'loaderUse', 'actionUse']),
    loaders: fc.boolean(),
    types: fc.boolean(),
  })
  .map((g) => {
    const ts = g.extension !== '.js';
    const lines = [
      `import { defineAction, defineLoader, defineActionGuard, defineServerMiddleware } from 'hono-preact-actions';`,
      `import { secretDb${g.n} } from './server/db-${secret(g.n)}.ts';`,
      `const secretHelper${g.n} = () => '${secret(g.n)}-helper';`,
    ];
    if (g.types && ts)
      lines.push(`export type SecretRow${g.n} = { id: string };`, `export interface SecretShape${g.n} { a: number }`);
    const map = actionMap(g.names, g.n, ts, g.wrap);
    if (g.viaSpecifier) lines.push(`const actions${g.n} = ${map};`, `export { actions${g.n} as serverActions };`);
    else lines.push(`export const serverActions = ${map};`);
    const loaderBody = `async () => ${serverBody(g.n)}`;
    switch (g.defaultForm) {
      case 1:
        lines.push(`export default ${loaderBody};`);
        break;
      case 2:
        lines.push(`export default async function secretLoader${g.n}() ${serverBody(g.n)}`);
        break;
      case 3:
        lines.push(`const loader${g.n} = defineLoader(${loaderBody});`, `export { loader${g.n} as default };`);
        break;
    }
    if (g.loaders) lines.push(`export const serverLoaders = { list: defineLoader(${loaderBody}) };`);
    if (g.guards)
      lines.push(
        `export const actionGuards = [defineActionGuard(async (ctx, next) => { '${secret(g.n)}'; return next(); })];`,
      );
    for (const use of g.uses)
      lines.push(`export const ${use} = [defineServerMiddleware(async (ctx, next) => ${serverBody(g.n)})];`);
    return { code: `${lines.join('\n')}\n`, extension: g.extension };
  });

const illegalShapes = [
  'export const formatTitle = (t) => t;',
  "export * from './elsewhere.ts';",
  "export { serverActions as other } from './other.server.ts';",
  'export const { leaked } = globalThis;',
  'export function helper() { return 1; }',
  'export let counter = 0;',
  'export class Repo {}',
];

/** A legal module with one illegal export added: a CompileError inside the input, never a silent pass. */
export const illegalServerModule = fc
  .record({ base: legalServerModule, shape: fc.constantFrom(...illegalShapes), atStart: fc.boolean() })
  .map(({ base, shape, atStart }) => {
    const lines = base.code.trimEnd().split('\n');
    lines.splice(atStart ? 3 : lines.length, 0, shape);
    return { code: `${lines.join('\n')}\n`, extension: base.extension };
  });

/** How a file reaches the factories: named, aliased, a namespace, or a module listed in runtimeModules. */
const importForm = fc.constantFrom('named', 'aliased', 'namespace', 'runtimeModule');

/** Where a middleware call stands in the module. */
const position = fc.constantFrom('const', 'array', 'object', 'argument', 'arrow', 'nested', 'export-default');

export const clientModule = fc
  .record({
    extension,
    form: importForm,
    calls: fc.array(fc.record({ side: fc.constantFrom('server', 'observer', 'client'), position }), {
      minLength: 1,
      maxLength: 5,
    }),
    shadow: fc.boolean(),
    n: fc.nat(999),
  })
  .map((g) => {
    const factoryOf = {
      server: 'defineServerMiddleware',
      observer: 'defineStreamObserver',
      client: 'defineClientMiddleware',
    };
    const source = g.form === 'runtimeModule' ? '@/lib/actions' : 'hono-preact-actions';
    const callee = (factory: string) =>
      g.form === 'namespace' ? `hpa.${factory}` : g.form === 'aliased' ? `${factory}As` : factory;
    const lines =
      g.form === 'namespace'
        ? [`import * as hpa from '${source}';`]
        : [
            `import { ${Object.values(factoryOf)
              .map((f) => (g.form === 'aliased' ? `${f} as ${f}As` : f))
              .join(', ')} } from '${source}';`,
          ];
    // Each side's imports exist only when a call uses them: an import its author never used stays, by design.
    const usesServer = g.calls.some((call) => call.side !== 'client');
    const usesClient = g.calls.some((call) => call.side === 'client');
    if (usesServer) lines.push(`import { secretDb${g.n} } from './server/db-${secret(g.n)}.ts';`);
    if (usesClient) lines.push(`import { clientOnlyStore${g.n} } from './client/store-CLIENTONLY_${g.n}.ts';`);
    lines.push(`import { keepShared } from './shared.ts';`);
    if (usesServer) lines.push(`const secretHelper${g.n} = () => '${secret(g.n)}-helper';`);
    lines.push(`export const shared = keepShared;`);
    let defaulted = false;
    g.calls.forEach((call, i) => {
      const body =
        call.side === 'client'
          ? `async (ctx, next) => { clientOnlyStore${g.n}.touch('CLIENTONLY_${g.n}'); await next(); }`
          : call.side === 'observer'
            ? `{ onChunk: (ctx, chunk) => secretDb${g.n}.log('${secret(g.n)}', secretHelper${g.n}()) }`
            : `async (ctx, next) => ${serverBody(g.n).replace('return ', 'await next(); return ')}`;
      const expression = `${callee(factoryOf[call.side as keyof typeof factoryOf])}(${body})`;
      switch (call.position) {
        case 'const':
          lines.push(`export const m${i} = ${expression};`);
          break;
        case 'array':
          lines.push(`export const m${i} = [keepShared, ${expression}];`);
          break;
        case 'object':
          lines.push(`export const m${i} = { name: 'm${i}', use: ${expression} };`);
          break;
        case 'argument':
          lines.push(`export const m${i} = keepShared.wrap(${expression});`);
          break;
        case 'arrow':
          lines.push(`export const m${i} = (role) => ${expression};`);
          break;
        case 'nested':
          lines.push(`export function m${i}() { const inner = ${expression}; return [inner]; }`);
          break;
        case 'export-default':
          if (defaulted) lines.push(`export const m${i} = ${expression};`);
          else lines.push(`export default ${expression};`);
          defaulted = true;
          break;
      }
    });
    if (g.shadow) {
      // Not ours: a parameter named like the factory. Its call keeps its argument, which holds no marker.
      lines.push(
        `export function wrapper(${g.form === 'namespace' ? 'hpa' : callee('defineServerMiddleware')}) { return ${callee('defineServerMiddleware')}(keepShared); }`,
      );
    }
    return {
      code: `${lines.join('\n')}\n`,
      extension: g.extension,
      runtimeModules: g.form === 'runtimeModule' ? ['@/lib/actions'] : [],
    };
  });
