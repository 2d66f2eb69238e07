// The state of one file's walk and the rules every handler shares: which names an inner scope
// shadows, what counts as a reference to a top-level binding, and what names one of our factories.
import type { Node, t } from '../babel.ts';
import { MIDDLEWARE_FACTORIES, type MiddlewareFactory } from '../detect.ts';
import { staticSpecifier } from './side-doors.ts';
import type { RuntimeImports, TopLevelBinding } from './top-level-bindings.ts';

export interface Reference {
  name: string;
  start: number;
  end: number;
}

export interface FactoryCall {
  factory: MiddlewareFactory;
  call: t.CallExpression | t.OptionalCallExpression;
}

export interface FactoryValueUse {
  /** The local name as written: the factory, or `ns.factory`, or a runtime namespace. */
  written: string;
  node: Node;
}

/** What one file's walk reads (the top-level bindings and runtime imports) and what it finds. */
export interface Walk {
  bindings: Map<string, TopLevelBinding>;
  /** The top-level names this walk follows: references to any other name are not looked for. */
  names: ReadonlySet<string>;
  runtime: RuntimeImports;
  runtimeModules: ReadonlySet<string>;
  references: Reference[];
  factoryCalls: FactoryCall[];
  factoryValueUses: FactoryValueUse[];
  runtimeLoads: FactoryValueUse[];
  serverModuleUrls: FactoryValueUse[];
}

/** Inner scopes, holding only the names that would shadow a top-level binding. */
export interface Scope {
  names: ReadonlySet<string>;
  parent: Scope | null;
}

export function scopeWith(walk: Walk, names: readonly string[], parent: Scope | null): Scope | null {
  let relevant: Set<string> | null = null;
  for (const name of names) if (walk.names.has(name)) (relevant ??= new Set()).add(name);
  return relevant === null ? parent : { names: relevant, parent };
}

function isShadowed(name: string, scope: Scope | null): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}

export function resolves(walk: Walk, name: string, scope: Scope | null): boolean {
  return walk.names.has(name) && !isShadowed(name, scope);
}

export function record(walk: Walk, node: t.Identifier | t.JSXIdentifier, scope: Scope | null): boolean {
  if (!resolves(walk, node.name, scope)) return false;
  walk.references.push({ name: node.name, start: node.start ?? 0, end: node.end ?? 0 });
  return true;
}

/** A plain reference; a factory or runtime namespace seen here is being used as a value. */
export function reference(walk: Walk, node: t.Identifier, scope: Scope | null): void {
  if (!record(walk, node, scope)) return;
  if (walk.runtime.factories.has(node.name) || walk.runtime.namespaces.has(node.name)) {
    walk.factoryValueUses.push({ written: node.name, node });
  }
}

export function loadsRuntime(walk: Walk, source: Node | undefined, written: string, node: Node): void {
  const specifier = staticSpecifier(source);
  if (specifier !== undefined && walk.runtimeModules.has(specifier)) {
    walk.runtimeLoads.push({ written: `${written}('${specifier}')`, node });
  }
}

/** `dsm` or `hpa.defineServerMiddleware`, when it names one of our factories at this point. */
export function factoryNamedBy(walk: Walk, callee: Node, scope: Scope | null): MiddlewareFactory | null {
  if (callee.type === 'Identifier') {
    const factory = walk.runtime.factories.get(callee.name);
    return factory && !isShadowed(callee.name, scope) ? factory : null;
  }
  if (
    (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.property.type === 'Identifier' &&
    walk.runtime.namespaces.has(callee.object.name) &&
    !isShadowed(callee.object.name, scope) &&
    Object.hasOwn(MIDDLEWARE_FACTORIES, callee.property.name)
  ) {
    return callee.property.name as MiddlewareFactory;
  }
  return null;
}
