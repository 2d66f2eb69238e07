// The walk's handlers, one per construct, in a table keyed by node type and built once: a node costs
// one lookup, and a construct the walk has no rule for falls back to its children (types excepted,
// which hold no value reference). Every handler takes the file's `Walk` (walk.ts) and the scope it is in.
import { type Node, t } from '../babel.ts';
import { MIDDLEWARE_FACTORIES } from '../detect.ts';
import { hoistedVarNames, lexicalNames, namesInPattern } from './patterns.ts';
import { aliasOf, serverModuleUrl } from './side-doors.ts';
import { factoryNamedBy, loadsRuntime, record, reference, resolves, type Scope, scopeWith, type Walk } from './walk.ts';

type Visitor = (walk: Walk, node: Node, scope: Scope | null) => void;
type Handlers = { [K in Node['type']]?: (walk: Walk, node: Extract<Node, { type: K }>, scope: Scope | null) => void };

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

export function visit(walk: Walk, node: Node, scope: Scope | null): void {
  const visitor = VISITORS.get(node.type);
  if (visitor !== undefined) visitor(walk, node, scope);
}

export function visitAll(walk: Walk, nodes: readonly (Node | null | undefined)[], scope: Scope | null): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node) visit(walk, node, scope);
  }
}

function visitPattern(walk: Walk, node: Node | null | undefined, scope: Scope | null): void {
  if (!node) return;
  switch (node.type) {
    case 'Identifier':
      return;
    case 'ObjectPattern':
      for (const property of node.properties) {
        if (property.type === 'RestElement') visitPattern(walk, property.argument, scope);
        else {
          if (property.computed) visit(walk, property.key, scope);
          visitPattern(walk, property.value, scope);
        }
      }
      return;
    case 'ArrayPattern':
      for (const element of node.elements) visitPattern(walk, element, scope);
      return;
    case 'AssignmentPattern':
      visitPattern(walk, node.left, scope);
      visit(walk, node.right, scope);
      return;
    case 'RestElement':
      visitPattern(walk, node.argument, scope);
      return;
    case 'TSParameterProperty':
      visitPattern(walk, node.parameter, scope);
      return;
    default:
      visit(walk, node, scope);
  }
}

function visitFunction(walk: Walk, fn: t.Function | t.TSDeclareMethod, scope: Scope | null): void {
  if (fn.type === 'TSDeclareMethod') return;
  const names: string[] = [];
  if (fn.type === 'FunctionExpression' && fn.id) names.push(fn.id.name);
  for (const param of fn.params) namesInPattern(param, names);
  if (fn.body.type === 'BlockStatement') {
    hoistedVarNames(fn.body, names);
    lexicalNames(fn.body.body, names);
  }
  const inner = scopeWith(walk, names, scope);
  for (const param of fn.params) visitPattern(walk, param, inner);
  if (fn.body.type === 'BlockStatement') visitAll(walk, fn.body.body, inner);
  else visit(walk, fn.body, inner);
}

/** Lower-case JSX names are intrinsic elements (`<div>`), never bindings: a binding starts [A-Z_$]. */
function mayNameBinding(name: string): boolean {
  const first = name.charCodeAt(0);
  return (first >= 65 && first <= 90) || first === 95 || first === 36;
}

function visitJsxName(walk: Walk, name: Node, scope: Scope | null): void {
  if (name.type === 'JSXIdentifier') {
    if (mayNameBinding(name.name)) record(walk, name, scope);
  } else if (name.type === 'JSXMemberExpression') {
    let object: Node = name.object;
    while (object.type === 'JSXMemberExpression') object = object.object;
    if (object.type === 'JSXIdentifier') record(walk, object, scope);
  }
}

function visitCall(walk: Walk, node: t.CallExpression | t.OptionalCallExpression, scope: Scope | null): void {
  if (node.callee.type === 'Identifier' && node.callee.name === 'require' && !walk.bindings.has('require')) {
    loadsRuntime(walk, node.arguments[0], 'require', node);
  }
  const factory = factoryNamedBy(walk, node.callee, scope);
  if (factory) {
    walk.factoryCalls.push({ factory, call: node });
    const head = node.callee.type === 'Identifier' ? node.callee : (node.callee as t.MemberExpression).object;
    record(walk, head as t.Identifier, scope);
  } else {
    visit(walk, node.callee, scope);
  }
  visitAll(walk, node.arguments, scope);
}

function visitMember(walk: Walk, node: t.MemberExpression | t.OptionalMemberExpression, scope: Scope | null): void {
  const object = node.object;
  if (object.type === 'Identifier' && walk.runtime.namespaces.has(object.name) && resolves(walk, object.name, scope)) {
    record(walk, object, scope);
    const property = node.property;
    if (node.computed || (property.type === 'Identifier' && Object.hasOwn(MIDDLEWARE_FACTORIES, property.name))) {
      const written = node.computed ? `${object.name}[…]` : `${object.name}.${(property as t.Identifier).name}`;
      walk.factoryValueUses.push({ written, node });
    }
  } else {
    visit(walk, object, scope);
  }
  if (node.computed) visit(walk, node.property, scope);
}

function visitMethod(
  walk: Walk,
  node: t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod,
  scope: Scope | null,
): void {
  if (node.decorators) visitAll(walk, node.decorators, scope);
  if (node.computed) visit(walk, node.key, scope);
  visitFunction(walk, node, scope);
}

function visitClassField(
  walk: Walk,
  node: t.ClassProperty | t.ClassPrivateProperty | t.ClassAccessorProperty,
  scope: Scope | null,
): void {
  if (node.decorators) visitAll(walk, node.decorators, scope);
  if ('computed' in node && node.computed) visit(walk, node.key, scope);
  if (node.value) visit(walk, node.value, scope);
}

function visitClass(walk: Walk, node: t.ClassDeclaration | t.ClassExpression, scope: Scope | null): void {
  const inner = node.type === 'ClassExpression' && node.id ? scopeWith(walk, [node.id.name], scope) : scope;
  if (node.decorators) visitAll(walk, node.decorators, scope);
  if (node.superClass) visit(walk, node.superClass, inner);
  visit(walk, node.body, inner);
}

function visitBlock(walk: Walk, node: t.BlockStatement | t.StaticBlock, scope: Scope | null): void {
  visitAll(walk, node.body, scopeWith(walk, lexicalNames(node.body), scope));
}

function visitLoop(walk: Walk, node: t.ForStatement | t.ForInStatement | t.ForOfStatement, scope: Scope | null) {
  const head = node.type === 'ForStatement' ? node.init : node.left;
  const inner =
    head?.type === 'VariableDeclaration' && head.kind !== 'var'
      ? scopeWith(
          walk,
          head.declarations.flatMap((d) => namesInPattern(d.id)),
          scope,
        )
      : scope;
  if (node.type === 'ForStatement') {
    if (node.init) visit(walk, node.init, inner);
    if (node.test) visit(walk, node.test, inner);
    if (node.update) visit(walk, node.update, inner);
  } else {
    if (node.left.type === 'VariableDeclaration') visit(walk, node.left, inner);
    else visitPattern(walk, node.left, inner);
    visit(walk, node.right, inner);
  }
  visit(walk, node.body, inner);
}

const nothing = () => {};

const HANDLERS: Handlers = {
  Identifier: reference,
  ImportDeclaration: nothing,
  ExportAllDeclaration: nothing,
  MetaProperty: nothing,
  PrivateName: nothing,
  BreakStatement: nothing,
  ContinueStatement: nothing,
  JSXClosingElement: nothing,
  JSXNamespacedName: nothing,
  ExportNamedDeclaration(walk, node, scope) {
    if (node.source || node.exportKind === 'type') return;
    if (node.declaration) visit(walk, node.declaration, scope);
    for (const specifier of node.specifiers) {
      // A re-export through a local binding keeps it alive, and is no value use of a factory.
      if (
        specifier.type === 'ExportSpecifier' &&
        specifier.exportKind !== 'type' &&
        specifier.local.type === 'Identifier'
      ) {
        record(walk, specifier.local, scope);
      }
    }
  },
  ImportExpression(walk, node, scope) {
    loadsRuntime(walk, node.source, 'import', node);
    visitChildren(walk, node, scope);
  },
  NewExpression(walk, node, scope) {
    const url = walk.bindings.has('URL') ? null : serverModuleUrl(node);
    if (url !== null) walk.serverModuleUrls.push({ written: url, node });
    visitChildren(walk, node, scope);
  },
  TSImportEqualsDeclaration(walk, node, scope) {
    // `= require(…)` is read with the top-level imports; an alias of a runtime namespace's factory is a value use.
    if (node.moduleReference.type === 'TSExternalModuleReference' || node.importKind === 'type') return;
    const alias = aliasOf(node.moduleReference);
    if (!alias.head || !record(walk, alias.head, scope)) return;
    if (walk.runtime.namespaces.has(alias.head.name) && alias.namesFactory) {
      walk.factoryValueUses.push({ written: alias.written, node });
    }
  },
  CallExpression: visitCall,
  OptionalCallExpression: visitCall,
  MemberExpression: visitMember,
  OptionalMemberExpression: visitMember,
  ObjectProperty(walk, node, scope) {
    if (node.computed) visit(walk, node.key, scope);
    visit(walk, node.value, scope);
  },
  ObjectMethod: visitMethod,
  ClassMethod: visitMethod,
  ClassPrivateMethod: visitMethod,
  ClassProperty: visitClassField,
  ClassPrivateProperty: visitClassField,
  ClassAccessorProperty: visitClassField,
  FunctionDeclaration: visitFunction,
  FunctionExpression: visitFunction,
  ArrowFunctionExpression: visitFunction,
  ClassDeclaration: visitClass,
  ClassExpression: visitClass,
  VariableDeclarator(walk, node, scope) {
    visitPattern(walk, node.id, scope);
    if (node.init) visit(walk, node.init, scope);
  },
  BlockStatement: visitBlock,
  StaticBlock: visitBlock,
  ForStatement: visitLoop,
  ForInStatement: visitLoop,
  ForOfStatement: visitLoop,
  CatchClause(walk, node, scope) {
    const inner = scopeWith(walk, namesInPattern(node.param), scope);
    visitPattern(walk, node.param, inner);
    visit(walk, node.body, inner);
  },
  SwitchStatement(walk, node, scope) {
    visit(walk, node.discriminant, scope);
    const inner = scopeWith(walk, lexicalNames(node.cases.flatMap((c) => c.consequent)), scope);
    for (const switchCase of node.cases) {
      if (switchCase.test) visit(walk, switchCase.test, inner);
      visitAll(walk, switchCase.consequent, inner);
    }
  },
  LabeledStatement(walk, node, scope) {
    visit(walk, node.body, scope);
  },
  JSXOpeningElement(walk, node, scope) {
    visitJsxName(walk, node.name, scope);
    visitAll(walk, node.attributes, scope);
  },
  JSXAttribute(walk, node, scope) {
    if (node.value) visit(walk, node.value, scope);
  },
  TSEnumDeclaration(walk, node, scope) {
    // The enum's name is a binding, not a reference; only member initializers can read values.
    if ('body' in node && node.body) visitAll(walk, node.body.members, scope);
  },
  TSEnumMember(walk, node, scope) {
    if (node.initializer) visit(walk, node.initializer, scope);
  },
  TSModuleDeclaration(walk, node, scope) {
    if (node.body) visit(walk, node.body, scope);
  },
};

/** Any other construct: its children, by Babel's visitor keys. */
function visitChildren(walk: Walk, node: Node, scope: Scope | null): void {
  visitKeys(walk, node, scope, t.VISITOR_KEYS[node.type] ?? []);
}

function visitKeys(walk: Walk, node: Node, scope: Scope | null, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) {
    const child = (node as unknown as Record<string, Node | Node[] | null | undefined>)[keys[i] as string];
    if (Array.isArray(child)) visitAll(walk, child, scope);
    else if (child && typeof child === 'object') visit(walk, child, scope);
  }
}

/** The table: every node type Babel knows gets its handler, its children, or nothing (types, leaves). */
const VISITORS = new Map<string, Visitor>();
for (const type of new Set([...Object.keys(t.VISITOR_KEYS), ...Object.keys(HANDLERS)])) {
  const handler = HANDLERS[type as Node['type']] as Visitor | undefined;
  const keys = t.VISITOR_KEYS[type] ?? [];
  if (handler) VISITORS.set(type, handler);
  else if (type.startsWith('TS') && !TS_VALUE_NODES.has(type)) continue;
  else if (keys.length > 0) VISITORS.set(type, (walk, node, scope) => visitKeys(walk, node, scope, keys));
}
