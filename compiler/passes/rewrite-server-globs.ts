// Expects: a module that calls `import.meta.glob` with a pattern naming server modules (the server
// entry, usually). Guarantees afterwards: every relative pattern of such a call is spelled from the
// project root (`./pages/*.server.ts` in src/server.tsx becomes `/src/pages/*.server.ts`), so the glob's
// keys are the same whatever folder the calling file sits in; and the glob's result carries the plugin's
// root (SERVER_ROOT_TAG), so actionsHandler computes module keys exactly as the client stubs do, or fails
// at start naming both roots when its own `root` option says otherwise.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SERVER_ROOT_TAG } from '../../runtime/shared/module-key.ts';
import type { Node, t } from '../babel.ts';
import type { FileContext } from '../context.ts';
import { SERVER_GLOB_PATTERN } from '../detect.ts';

export function rewriteServerGlobs(file: FileContext): void {
  const rootTag = JSON.stringify(rootFromProject(file.root, file.projectRoot));
  for (const call of globCalls(file.ast.program)) {
    const patterns = patternLiterals(call.arguments[0]);
    if (!patterns.some((pattern) => SERVER_GLOB_PATTERN.test(pattern.value))) continue;
    for (const pattern of patterns) {
      const rewritten = fromProjectRoot(pattern.value, file.id, file.projectRoot);
      if (rewritten !== pattern.value)
        file.edits.overwrite(pattern.start ?? 0, pattern.end ?? 0, JSON.stringify(rewritten));
    }
    file.edits.prependLeft(call.start ?? 0, 'Object.defineProperty(');
    file.edits.appendRight(call.end ?? 0, `, Symbol.for(${JSON.stringify(SERVER_ROOT_TAG)}), { value: ${rootTag} })`);
  }
}

/** `/src/pages` for a root inside the project (Vite's spelling of a root-absolute glob), else the absolute path. */
function rootFromProject(root: string, projectRoot: string): string {
  const path = relative(resolve(projectRoot), resolve(root));
  if (path.startsWith('..') || isAbsolute(path)) return resolve(root).split(sep).join('/');
  return `/${path.split(sep).join('/')}`;
}

function fromProjectRoot(pattern: string, id: string, projectRoot: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (!body.startsWith('./') && !body.startsWith('../')) return pattern;
  const path = relative(resolve(projectRoot), resolve(dirname(id), body))
    .split(sep)
    .join('/');
  // A pattern that leaves the project keeps its relative spelling; Vite's own keys are then relative too,
  // and actionsHandler says which glob key lies outside the root.
  if (path.startsWith('..')) return pattern;
  return `${negated ? '!' : ''}/${path}`;
}

function patternLiterals(argument: Node | undefined): t.StringLiteral[] {
  if (argument?.type === 'StringLiteral') return [argument];
  if (argument?.type === 'ArrayExpression') {
    return argument.elements.filter((element): element is t.StringLiteral => element?.type === 'StringLiteral');
  }
  return [];
}

/** Every `import.meta.glob(...)` call in the module, at any depth (the pass runs only where the source names one). */
function globCalls(root: Node): t.CallExpression[] {
  const calls: t.CallExpression[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!isNode(value)) continue;
    if (value.type === 'CallExpression' && isImportMetaGlob(value.callee)) calls.push(value);
    for (const key of Object.keys(value)) {
      if (key !== 'loc' && key !== 'comments' && key !== 'leadingComments' && key !== 'trailingComments') {
        stack.push((value as unknown as Record<string, unknown>)[key]);
      }
    }
  }
  return calls;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isImportMetaGlob(callee: Node): boolean {
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'glob' &&
    callee.object.type === 'MetaProperty' &&
    callee.object.meta.name === 'import' &&
    callee.object.property.name === 'meta'
  );
}
