// Naming the unit a call asks for: its module by key (the registry), then its action or loader among
// the module's own, function-valued exports. Every miss is a 404 with the names quoted, cut short.
import type { UnitOptions } from '../define.ts';
import type { UnitKind } from './decode-call.ts';
import { WireFailure } from './failure.ts';
import type { ModuleEntry, ServerModule } from './registry.ts';
import type { RouteIndex } from './route-index.ts';

const MAX_NAME_LENGTH = 200;

export type Unit = ((ctx: never, payload?: unknown) => unknown) & { options?: UnitOptions };

export interface Resolved {
  entry: ModuleEntry;
  module: ServerModule;
  name: string;
  unit: Unit;
}

/**
 * Resolves a call's unit. Not async: once its module is loaded and the routes indexed (every call after
 * the first), the answer is returned as it is, without a promise per call.
 */
export function createUnitResolver(
  kind: UnitKind,
  registry: Map<string, ModuleEntry>,
  routeIndex: RouteIndex | undefined,
): (moduleName: unknown, unitName: unknown) => Resolved | Promise<Resolved> {
  const resolveIn = (entry: ModuleEntry, module: ServerModule, moduleName: string, unitName: string): Resolved => {
    const unit = findUnit(module, kind, unitName);
    if (!unit) {
      throw new WireFailure(
        'NOT_FOUND',
        kind === 'action' ? 'UNKNOWN_ACTION' : 'UNKNOWN_LOADER',
        `Module ${quote(moduleName)} has no ${kind} ${quote(unitName)}.`,
      );
    }
    return { entry, module, name: unitName, unit };
  };
  const loadThenResolve = async (entry: ModuleEntry, moduleName: string, unitName: string): Promise<Resolved> => {
    const module = entry.loaded ?? (await entry.load());
    // Once: which route each module belongs to, so the unit's rings can include its route's gates.
    const indexing = routeIndex?.ready();
    if (indexing) await indexing;
    return resolveIn(entry, module, moduleName, unitName);
  };
  return (moduleName, unitName) => {
    if (typeof moduleName !== 'string' || typeof unitName !== 'string') {
      throw new WireFailure(
        'BAD_REQUEST',
        'MISSING_FIELD',
        `The call must name a module and ${kind === 'action' ? 'an action' : 'a loader'} as strings.`,
      );
    }
    const entry = registry.get(moduleName);
    if (!entry) throw new WireFailure('NOT_FOUND', 'UNKNOWN_MODULE', `There is no server module ${quote(moduleName)}.`);
    if (entry.loaded === undefined || routeIndex?.ready()) return loadThenResolve(entry, moduleName, unitName);
    return resolveIn(entry, entry.loaded, moduleName, unitName);
  };
}

function findUnit(module: ServerModule, kind: UnitKind, name: string): Unit | undefined {
  if (kind === 'action') return ownFunction(module.serverActions, name);
  if (name === 'default' && typeof module.default === 'function') return module.default as Unit;
  return ownFunction(module.serverLoaders, name);
}

/** Own, enumerable, function-valued properties only: never `__proto__`, `constructor` or `toString`. */
function ownFunction(map: Record<string, unknown> | undefined, name: string): Unit | undefined {
  if (typeof map !== 'object' || map === null || !Object.hasOwn(map, name)) return undefined;
  const value = map[name];
  return typeof value === 'function' ? (value as Unit) : undefined;
}

function quote(name: string): string {
  return JSON.stringify(name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name);
}
