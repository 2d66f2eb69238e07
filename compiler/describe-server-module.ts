// What a server module exposes, read from its source for the action manifest: each action with its
// statically visible options (a schema, a body limit, its own use), the loaders, and which guards and
// middleware exports exist. It reads; it never evaluates the module.
import type { t } from './babel.ts';
import type { FileContext } from './context.ts';

export interface ServerModuleManifest {
  key: string;
  actions: { name: string; input: boolean; bodyLimit: number | 'dynamic' | null; use: boolean }[];
  loaders: string[];
  exports: string[];
}

export function describeServerModule(file: FileContext): ServerModuleManifest | null {
  const shape = file.serverModule;
  if (!shape) return null;
  const exports = shape.statements.flatMap((s) => s.exports.map((e) => e.name));
  const actionsExport = shape.statements.flatMap((s) => s.exports).find((e) => e.name === 'serverActions');
  const loadersExport = shape.statements.flatMap((s) => s.exports).find((e) => e.name === 'serverLoaders');
  const loaders = [...(exports.includes('default') ? ['default'] : []), ...(loadersExport?.entries ?? [])];
  const options = actionsExport?.options ?? {};
  return {
    key: file.moduleKey(),
    actions: (actionsExport?.entries ?? []).map((name) => optionsOf(name, options[name])),
    loaders,
    exports,
  };
}

function optionsOf(name: string, node: t.Node | undefined) {
  const described = { name, input: false, bodyLimit: null as number | 'dynamic' | null, use: false };
  if (node?.type !== 'ObjectExpression') return described;
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty' || property.computed || property.key.type !== 'Identifier') continue;
    if (property.key.name === 'input') described.input = true;
    if (property.key.name === 'use') described.use = true;
    if (property.key.name === 'bodyLimit') described.bodyLimit = evaluateNumber(property.value) ?? 'dynamic';
  }
  return described;
}

/** `1048576`, `5 * 1024 * 1024`, `(2 + 3) * 1024`: numbers a reviewer can read; anything else is 'dynamic'. */
function evaluateNumber(node: t.Node): number | null {
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'BinaryExpression' && node.left.type !== 'PrivateName') {
    const left = evaluateNumber(node.left);
    const right = evaluateNumber(node.right);
    if (left === null || right === null) return null;
    if (node.operator === '*') return left * right;
    if (node.operator === '+') return left + right;
    if (node.operator === '-') return left - right;
  }
  return null;
}
