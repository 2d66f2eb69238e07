// One walk over the module, after which we know (1) every reference to a top-level binding, with
// shadowing respected, (2) every call of a middleware factory imported from our runtime, (3) any
// use of a factory that is not a direct call, and (4) the side doors: `import()` / `require()` of the
// runtime and `new URL('./x.server.ts', import.meta.url)`. It never builds Babel's full scope tree: it
// tracks only the names that top-level bindings use, which keeps it a fraction of a parse.
// Each construct has its handler in visitors.ts, found by node type in one table lookup.
import type { t } from '../babel.ts';
import { visitAll } from './visitors.ts';
import type { Walk } from './walk.ts';
import { collectRuntimeImports, collectTopLevelBindings, type RuntimeImports } from './top-level-bindings.ts';

export type { FactoryCall, FactoryValueUse, Reference } from './walk.ts';

export interface FileAnalysis {
  bindings: Walk['bindings'];
  references: Walk['references'];
  factoryCalls: Walk['factoryCalls'];
  factoryValueUses: Walk['factoryValueUses'];
  /** Exports that hand a factory on, which only a module listed in `runtimeModules` may do. */
  runtimeReExports: RuntimeImports['reExports'];
  /** `import('hono-preact-actions')` and `require(…)`: the runtime loaded where no binding can be followed. */
  runtimeLoads: Walk['runtimeLoads'];
  /** `new URL('./x.server.ts', import.meta.url)`: a server module's file referenced as an asset. */
  serverModuleUrls: Walk['serverModuleUrls'];
}

export function analyzeFile(program: t.Program, runtimeModules: ReadonlySet<string>): FileAnalysis {
  const runtime = collectRuntimeImports(program, runtimeModules);
  const walk: Walk = {
    bindings: collectTopLevelBindings(program),
    runtime,
    runtimeModules,
    references: [],
    factoryCalls: [],
    factoryValueUses: [],
    runtimeLoads: [],
    serverModuleUrls: [],
  };
  visitAll(walk, program.body, null);
  return {
    bindings: walk.bindings,
    references: walk.references,
    factoryCalls: walk.factoryCalls,
    factoryValueUses: walk.factoryValueUses,
    runtimeReExports: runtime.reExports,
    runtimeLoads: walk.runtimeLoads,
    serverModuleUrls: walk.serverModuleUrls,
  };
}
