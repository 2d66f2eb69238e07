// One walk over the module, after which we know (1) every reference to a top-level binding, with
// shadowing respected, (2) every call of a middleware factory imported from our runtime, (3) any
// use of a factory that is not a direct call, and (4) the side doors: `import()` / `require()` of the
// runtime and `new URL('./x.server.ts', import.meta.url)`. It never builds Babel's full scope tree: it
// tracks only the names that top-level bindings use, which keeps it a fraction of a parse.
import { type Node, t } from '../babel.ts';
import { MIDDLEWARE_FACTORIES, type MiddlewareFactory } from '../detect.ts';
import { hoistedVarNames, lexicalNames, namesInPattern } from './patterns.ts';
import { aliasOf, serverModuleUrl, staticSpecifier } from './side-doors.ts';
import {
  collectRuntimeImports,
  collectTopLevelBindings,
  type RuntimeImports,
  type TopLevelBinding,
} from './top-level-bindings.ts';

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

export interface FileAnalysis {
  bindings: Map<string, TopLevelBinding>;
  references: Reference[];
  factoryCalls: FactoryCall[];
  factoryValueUses: FactoryValueUse[];
  /** Exports that hand a factory on, which only a module listed in `runtimeModules` may do. */
  runtimeReExports: RuntimeImports['reExports'];
  /** `import('hono-preact-actions')` and `require(…)`: the runtime loaded where no binding can be followed. */
  runtimeLoads: FactoryValueUse[];
  /** `new URL('./x.server.ts', import.meta.url)`: a server module's file referenced as an asset. */
  serverModuleUrls: FactoryValueUse[];
}

/** Inner scopes, holding only the names that would shadow a top-level binding. */
interface Scope {
  names: ReadonlySet<string>;
  parent: Scope | null;
}

// Expression-bearing TypeScript nodes; every other TS* node is a type and holds no value reference.
const TS_VALUE_NODES = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'TSEnumDeclaration',
  'TSEnumBody',
  'TSEnumMember',
  'TSModuleDeclaration',
  'TSModuleBlock',
  'TSExportAssignment',
  'TSParameterProperty',
]);

export function analyzeFile(program: t.Program, runtimeModules: ReadonlySet<string>): FileAnalysis {
  const bindings = collectTopLevelBindings(program);
  const runtime: RuntimeImports = collectRuntimeImports(program, runtimeModules);
  const references: Reference[] = [];
  const factoryCalls: FactoryCall[] = [];
  const factoryValueUses: FactoryValueUse[] = [];
  const runtimeLoads: FactoryValueUse[] = [];
  const serverModuleUrls: FactoryValueUse[] = [];
  const loadsRuntime = (source: t.Node | undefined, written: string, node: Node) => {
    const specifier = staticSpecifier(source);
    if (specifier !== undefined && runtimeModules.has(specifier)) {
      runtimeLoads.push({ written: `${written}('${specifier}')`, node });
    }
  };

  const scopeWith = (names: readonly string[], parent: Scope | null): Scope | null => {
    const relevant = names.filter((name) => bindings.has(name));
    return relevant.length === 0 ? parent : { names: new Set(relevant), parent };
  };
  const isShadowed = (name: string, scope: Scope | null): boolean => {
    for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  };
  const resolves = (name: string, scope: Scope | null) => bindings.has(name) && !isShadowed(name, scope);

  const record = (node: t.Identifier | t.JSXIdentifier, scope: Scope | null) => {
    if (!resolves(node.name, scope)) return false;
    references.push({ name: node.name, start: node.start ?? 0, end: node.end ?? 0 });
    return true;
  };

  /** A plain reference; a factory or runtime namespace seen here is being used as a value. */
  const reference = (node: t.Identifier, scope: Scope | null) => {
    if (!record(node, scope)) return;
    if (runtime.factories.has(node.name) || runtime.namespaces.has(node.name)) {
      factoryValueUses.push({ written: node.name, node });
    }
  };

  /** `dsm` or `hpa.defineServerMiddleware`, when it names one of our factories at this point. */
  const factoryNamedBy = (callee: t.Node, scope: Scope | null): MiddlewareFactory | null => {
    if (callee.type === 'Identifier') {
      const factory = runtime.factories.get(callee.name);
      return factory && !isShadowed(callee.name, scope) ? factory : null;
    }
    if (
      (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') &&
      !callee.computed &&
      callee.object.type === 'Identifier' &&
      callee.property.type === 'Identifier' &&
      runtime.namespaces.has(callee.object.name) &&
      !isShadowed(callee.object.name, scope) &&
      Object.hasOwn(MIDDLEWARE_FACTORIES, callee.property.name)
    ) {
      return callee.property.name as MiddlewareFactory;
    }
    return null;
  };

  const visitAll = (nodes: readonly (Node | null | undefined)[], scope: Scope | null) => {
    for (const node of nodes) if (node) visit(node, scope);
  };

  const visitPattern = (node: Node | null | undefined, scope: Scope | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        return;
      case 'ObjectPattern':
        for (const property of node.properties) {
          if (property.type === 'RestElement') visitPattern(property.argument, scope);
          else {
            if (property.computed) visit(property.key, scope);
            visitPattern(property.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) visitPattern(element, scope);
        return;
      case 'AssignmentPattern':
        visitPattern(node.left, scope);
        visit(node.right, scope);
        return;
      case 'RestElement':
        visitPattern(node.argument, scope);
        return;
      case 'TSParameterProperty':
        visitPattern(node.parameter, scope);
        return;
      default:
        visit(node, scope);
    }
  };

  const visitFunction = (fn: t.Function | t.TSDeclareMethod, scope: Scope | null) => {
    if (fn.type === 'TSDeclareMethod') return;
    const names: string[] = [];
    if (fn.type === 'FunctionExpression' && fn.id) names.push(fn.id.name);
    for (const param of fn.params) namesInPattern(param, names);
    if (fn.body.type === 'BlockStatement') {
      hoistedVarNames(fn.body, names);
      lexicalNames(fn.body.body, names);
    }
    const inner = scopeWith(names, scope);
    for (const param of fn.params) visitPattern(param, inner);
    if (fn.body.type === 'BlockStatement') visitAll(fn.body.body, inner);
    else visit(fn.body, inner);
  };

  const visitJsxName = (name: Node, scope: Scope | null) => {
    if (name.type === 'JSXIdentifier') {
      // Lower-case names are intrinsic elements (`<div>`), never bindings.
      if (/^[A-Z_$]/.test(name.name)) record(name, scope);
    } else if (name.type === 'JSXMemberExpression') {
      let object: Node = name.object;
      while (object.type === 'JSXMemberExpression') object = object.object;
      if (object.type === 'JSXIdentifier') record(object, scope);
    }
  };

  const visit = (node: Node, scope: Scope | null): void => {
    switch (node.type) {
      case 'Identifier':
        reference(node, scope);
        return;
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'MetaProperty':
      case 'PrivateName':
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'JSXClosingElement':
      case 'JSXNamespacedName':
        return;
      case 'ExportNamedDeclaration':
        if (node.source || node.exportKind === 'type') return;
        if (node.declaration) visit(node.declaration, scope);
        for (const specifier of node.specifiers) {
          // A re-export through a local binding keeps it alive, and is no value use of a factory.
          if (
            specifier.type === 'ExportSpecifier' &&
            specifier.exportKind !== 'type' &&
            specifier.local.type === 'Identifier'
          ) {
            record(specifier.local, scope);
          }
        }
        return;
      case 'ImportExpression':
        loadsRuntime(node.source, 'import', node);
        break;
      case 'NewExpression': {
        const url = bindings.has('URL') ? null : serverModuleUrl(node);
        if (url !== null) serverModuleUrls.push({ written: url, node });
        break;
      }
      case 'TSImportEqualsDeclaration': {
        // `= require(…)` is read with the top-level imports; an alias of a runtime namespace's factory is a value use.
        if (node.moduleReference.type === 'TSExternalModuleReference' || node.importKind === 'type') return;
        const alias = aliasOf(node.moduleReference);
        if (!alias.head || !record(alias.head, scope)) return;
        if (runtime.namespaces.has(alias.head.name) && alias.namesFactory) {
          factoryValueUses.push({ written: alias.written, node });
        }
        return;
      }
      case 'CallExpression':
      case 'OptionalCallExpression': {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && !bindings.has('require')) {
          loadsRuntime(node.arguments[0], 'require', node);
        }
        const factory = factoryNamedBy(node.callee, scope);
        if (factory) {
          factoryCalls.push({ factory, call: node });
          const head = node.callee.type === 'Identifier' ? node.callee : (node.callee as t.MemberExpression).object;
          record(head as t.Identifier, scope);
        } else {
          visit(node.callee, scope);
        }
        visitAll(node.arguments, scope);
        return;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const object = node.object;
        if (object.type === 'Identifier' && runtime.namespaces.has(object.name) && resolves(object.name, scope)) {
          record(object, scope);
          const property = node.property;
          if (node.computed || (property.type === 'Identifier' && Object.hasOwn(MIDDLEWARE_FACTORIES, property.name))) {
            const written = node.computed ? `${object.name}[…]` : `${object.name}.${(property as t.Identifier).name}`;
            factoryValueUses.push({ written, node });
          }
        } else {
          visit(object, scope);
        }
        if (node.computed) visit(node.property, scope);
        return;
      }
      case 'ObjectProperty':
        if (node.computed) visit(node.key, scope);
        visit(node.value, scope);
        return;
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        visitAll(node.decorators ?? [], scope);
        if (node.computed) visit(node.key, scope);
        visitFunction(node, scope);
        return;
      case 'ClassProperty':
      case 'ClassPrivateProperty':
      case 'ClassAccessorProperty':
        visitAll(node.decorators ?? [], scope);
        if ('computed' in node && node.computed) visit(node.key, scope);
        if (node.value) visit(node.value, scope);
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const inner = node.type === 'ClassExpression' && node.id ? scopeWith([node.id.name], scope) : scope;
        visitAll(node.decorators ?? [], scope);
        if (node.superClass) visit(node.superClass, inner);
        visit(node.body, inner);
        return;
      }
      case 'VariableDeclarator':
        visitPattern(node.id, scope);
        if (node.init) visit(node.init, scope);
        return;
      case 'BlockStatement':
      case 'StaticBlock':
        visitAll(node.body, scopeWith(lexicalNames(node.body), scope));
        return;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const head = node.type === 'ForStatement' ? node.init : node.left;
        const inner =
          head?.type === 'VariableDeclaration' && head.kind !== 'var'
            ? scopeWith(
                head.declarations.flatMap((d) => namesInPattern(d.id)),
                scope,
              )
            : scope;
        if (node.type === 'ForStatement') {
          visitAll([node.init, node.test, node.update], inner);
        } else {
          if (node.left.type === 'VariableDeclaration') visit(node.left, inner);
          else visitPattern(node.left, inner);
          visit(node.right, inner);
        }
        visit(node.body, inner);
        return;
      }
      case 'CatchClause': {
        const inner = scopeWith(namesInPattern(node.param), scope);
        visitPattern(node.param, inner);
        visit(node.body, inner);
        return;
      }
      case 'SwitchStatement': {
        visit(node.discriminant, scope);
        const inner = scopeWith(lexicalNames(node.cases.flatMap((c) => c.consequent)), scope);
        for (const switchCase of node.cases) {
          if (switchCase.test) visit(switchCase.test, inner);
          visitAll(switchCase.consequent, inner);
        }
        return;
      }
      case 'LabeledStatement':
        visit(node.body, scope);
        return;
      case 'JSXOpeningElement':
        visitJsxName(node.name, scope);
        visitAll(node.attributes, scope);
        return;
      case 'JSXAttribute':
        if (node.value) visit(node.value, scope);
        return;
      case 'TSEnumDeclaration':
        // The enum's name is a binding, not a reference; only member initializers can read values.
        visitAll('body' in node && node.body ? node.body.members : [], scope);
        return;
      case 'TSEnumMember':
        if (node.initializer) visit(node.initializer, scope);
        return;
      case 'TSModuleDeclaration':
        if (node.body) visit(node.body, scope);
        return;
    }
    if (node.type.startsWith('TS') && !TS_VALUE_NODES.has(node.type)) return;
    const keys = t.VISITOR_KEYS[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, Node | Node[] | null | undefined>)[key];
      if (Array.isArray(child)) visitAll(child, scope);
      else if (child && typeof child === 'object' && 'type' in child) visit(child, scope);
    }
  };

  visitAll(program.body, null);
  return {
    bindings,
    references,
    factoryCalls,
    factoryValueUses,
    runtimeReExports: runtime.reExports,
    runtimeLoads,
    serverModuleUrls,
  };
}
