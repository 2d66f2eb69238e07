// Names bound by declarations and patterns, and the scopes that hold them. Shared by the
// top-level collection and the reference walk so both agree on what a declaration binds.
import type { t } from '../babel.ts';

/** Every name a binding pattern declares: `{ a, b: [c], ...d }` declares a, c and d. */
export function namesInPattern(node: t.Node | null | undefined, into: string[] = []): string[] {
  if (!node) return into;
  switch (node.type) {
    case 'Identifier':
      into.push(node.name);
      break;
    case 'ObjectPattern':
      for (const property of node.properties) {
        namesInPattern(property.type === 'RestElement' ? property.argument : property.value, into);
      }
      break;
    case 'ArrayPattern':
      for (const element of node.elements) namesInPattern(element, into);
      break;
    case 'AssignmentPattern':
      namesInPattern(node.left, into);
      break;
    case 'RestElement':
      namesInPattern(node.argument, into);
      break;
    case 'TSParameterProperty':
      namesInPattern(node.parameter, into);
      break;
  }
  return into;
}

/** Names a statement list declares in its own block: let, const, class, and (strict mode) functions. */
export function lexicalNames(statements: readonly t.Statement[], into: string[] = []): string[] {
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of statement.declarations) namesInPattern(declarator.id, into);
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      into.push(statement.id.name);
    }
  }
  return into;
}

/** `var` names hoisted to the enclosing function from any nested block, but not from nested functions. */
export function hoistedVarNames(node: t.Node | null | undefined, into: string[] = []): string[] {
  if (!node) return into;
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind === 'var') for (const declarator of node.declarations) namesInPattern(declarator.id, into);
      break;
    case 'BlockStatement':
    case 'StaticBlock':
      for (const statement of node.body) hoistedVarNames(statement, into);
      break;
    case 'IfStatement':
      hoistedVarNames(node.consequent, into);
      hoistedVarNames(node.alternate, into);
      break;
    case 'ForStatement':
      hoistedVarNames(node.init, into);
      hoistedVarNames(node.body, into);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      hoistedVarNames(node.left, into);
      hoistedVarNames(node.body, into);
      break;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      hoistedVarNames(node.body, into);
      break;
    case 'TryStatement':
      hoistedVarNames(node.block, into);
      hoistedVarNames(node.handler?.body, into);
      hoistedVarNames(node.finalizer, into);
      break;
    case 'SwitchStatement':
      for (const switchCase of node.cases)
        for (const statement of switchCase.consequent) hoistedVarNames(statement, into);
      break;
  }
  return into;
}
