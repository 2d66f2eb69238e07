// One walk over the module, after which we know (1) every call of a middleware factory imported from
// our runtime, (2) any use of a factory that is not a direct call, and (3) the side doors: `import()` /
// `require()` of the runtime and `new URL('./x.server.ts', import.meta.url)`; and, on demand, (4) every
// reference to the top-level bindings a pass asks about, with shadowing respected. It never builds
// Babel's full scope tree: it tracks only the names it is asked about, which keeps it a fraction of a parse.
// Each construct has its handler in visitors.ts, found by node type in one table lookup.
//
// A name is found only where it is written, so a top-level statement whose text holds none of the
// names a walk looks for, and no backslash (which could spell one with escapes), is skipped whole:
// declarations inside it scope only what is inside it.
import type { t } from '../babel.ts';
import { collectRuntimeImports, collectTopLevelBindings, type RuntimeImports } from './top-level-bindings.ts';
import { visit } from './visitors.ts';
import type { Reference, Walk } from './walk.ts';

export type { FactoryCall, FactoryValueUse, Reference } from './walk.ts';

export interface FileAnalysis {
  bindings: Walk['bindings'];
  factoryCalls: Walk['factoryCalls'];
  factoryValueUses: Walk['factoryValueUses'];
  /** Exports that hand a factory on, which only a module listed in `runtimeModules` may do. */
  runtimeReExports: RuntimeImports['reExports'];
  /** `import('hono-preact-actions')` and `require(…)`: the runtime loaded where no binding can be followed. */
  runtimeLoads: Walk['runtimeLoads'];
  /** `new URL('./x.server.ts', import.meta.url)`: a server module's file referenced as an asset. */
  serverModuleUrls: Walk['serverModuleUrls'];
  /** Every reference to the top-level bindings of these names, in source order. */
  referencesTo(names: ReadonlySet<string>): Reference[];
}

export function analyzeFile(program: t.Program, code: string, runtimeModules: ReadonlySet<string>): FileAnalysis {
  const bindings = collectTopLevelBindings(program);
  const runtime = collectRuntimeImports(program, runtimeModules);
  const walkOf = (names: ReadonlySet<string>): Walk => ({
    bindings,
    names,
    runtime,
    runtimeModules,
    references: [],
    factoryCalls: [],
    factoryValueUses: [],
    runtimeLoads: [],
    serverModuleUrls: [],
  });

  const factoryNames = new Set([...runtime.factories.keys(), ...runtime.namespaces]);
  const uses = walkOf(factoryNames);
  // A side door names the runtime (`import('hono-preact-actions')`, `require(…)`) or calls `new URL(…)`.
  walkStatements(uses, program.body, code, [...factoryNames, ...runtimeModules, 'URL']);
  return {
    bindings,
    factoryCalls: uses.factoryCalls,
    factoryValueUses: uses.factoryValueUses,
    runtimeReExports: runtime.reExports,
    runtimeLoads: uses.runtimeLoads,
    serverModuleUrls: uses.serverModuleUrls,
    referencesTo(names) {
      const walk = walkOf(names);
      if (names.size > 0) walkStatements(walk, program.body, code, [...names]);
      return walk.references;
    },
  };
}

/** Visits the top-level statements whose text holds one of `words` or a backslash; the others hold nothing. */
function walkStatements(walk: Walk, statements: readonly t.Statement[], code: string, words: readonly string[]): void {
  const mentioned = new Uint8Array(statements.length);
  for (const word of [...words, '\\']) {
    if (word === '') {
      // Written everywhere: every statement may hold it.
      mentioned.fill(1);
      continue;
    }
    let index = 0;
    for (let at = code.indexOf(word); at !== -1; at = code.indexOf(word, at + 1)) {
      // Hits come in order, so the statement search moves forward only.
      while (index < statements.length && (statements[index]?.end ?? 0) <= at) index++;
      if (index === statements.length) break;
      if ((statements[index]?.start ?? 0) <= at) mentioned[index] = 1;
    }
  }
  for (let i = 0; i < statements.length; i++) {
    if (mentioned[i] === 1) visit(walk, statements[i] as t.Statement, null);
  }
}
