// Expects: strip-middleware has run and recorded what it deleted in `file.removed`. Guarantees
// afterwards: an import or top-level binding that was used before the change and is used only inside
// deleted ranges now is gone, and so, in turn, is whatever only it used. Imports with no specifiers
// (side-effect imports), exports, and bindings the source never used stay as they were: we remove
// what the change made dead, nothing the author wrote on purpose.

import type { TopLevelBinding } from '../analyze/top-level-bindings.ts';
import type { t } from '../babel.ts';
import { type FileContext, isInside, type Range } from '../context.ts';

export function removeUnusedImports(file: FileContext): void {
  if (file.removed.length === 0) return;
  const analysis = file.analysis();
  const bindings = analysis.bindings;
  const mayDie = namesTheRemovalMayKill(file.code, file.removed, bindings);
  if (mayDie.size === 0) return;
  const references = analysis.referencesTo(mayDie);
  const removed: Range[] = [...file.removed];
  const dead = new Set<TopLevelBinding>();

  const referencesOf = new Map<string, { start: number; end: number }[]>();
  for (const reference of references) {
    const list = referencesOf.get(reference.name);
    if (list) list.push(reference);
    else referencesOf.set(reference.name, [reference]);
  }

  // A fixpoint: removing one declaration can leave the imports it used with no reader.
  for (let changed = true; changed;) {
    changed = false;
    for (const binding of bindings.values()) {
      if (dead.has(binding) || binding.exported || !binding.removable) continue;
      const all = referencesOf.get(binding.name) ?? [];
      const own = binding.declarator;
      const live = all.filter(
        (r) => !isInside(r.start, removed) && !(r.start >= (own.start ?? 0) && r.end <= (own.end ?? 0)),
      );
      if (all.length === 0 || live.length > 0) continue;
      if (!declaratorFullyDead(binding, bindings, dead)) continue;
      dead.add(binding);
      removed.push({ start: own.start ?? 0, end: own.end ?? 0 });
      changed = true;
    }
  }
  if (dead.size > 0) applyRemovals(file, dead);
}

/**
 * The bindings that can end up dead, found in the text: a reference is its name as written, so a binding
 * whose name appears in no deleted range, in no declarator of another such binding, and only once in
 * its own declarator (where it is declared) keeps a reader outside them or never had one; either way
 * it stays. Text with a backslash may spell a name with escapes: then every binding may die.
 */
function namesTheRemovalMayKill(
  code: string,
  deleted: readonly Range[],
  bindings: Map<string, TopLevelBinding>,
): Set<string> {
  const names = new Set<string>();
  const open = [...bindings.values()].filter((binding) => !binding.exported && binding.removable);
  const textOf = (node: t.Node) => code.slice(node.start ?? 0, node.end ?? 0);
  let texts = deleted.map((range) => code.slice(range.start, range.end));
  for (const binding of open) {
    const own = textOf(binding.declarator);
    const first = own.indexOf(binding.name);
    if (own.includes('\\') || own.indexOf(binding.name, first + 1) !== -1) names.add(binding.name);
  }
  for (const binding of open) if (names.has(binding.name)) texts.push(textOf(binding.declarator));
  while (texts.length > 0) {
    const text = texts.join('\n');
    if (text.includes('\\')) return new Set(open.map((binding) => binding.name));
    texts = [];
    for (const binding of open) {
      if (names.has(binding.name) || !text.includes(binding.name)) continue;
      names.add(binding.name);
      texts.push(textOf(binding.declarator));
    }
  }
  return names;
}

/** A declarator such as `const { a, b } = x` goes only when all the names it binds are dead. */
function declaratorFullyDead(
  candidate: TopLevelBinding,
  bindings: Map<string, TopLevelBinding>,
  dead: Set<TopLevelBinding>,
): boolean {
  for (const other of bindings.values()) {
    if (other !== candidate && other.declarator === candidate.declarator && !dead.has(other)) return false;
  }
  return true;
}

function applyRemovals(file: FileContext, dead: Set<TopLevelBinding>): void {
  const deadDeclarators = new Set([...dead].map((binding) => binding.declarator));
  const statements = new Set([...dead].map((binding) => binding.statement));
  for (const statement of statements) {
    if (statement.type === 'ImportDeclaration') {
      rewriteImport(file, statement, deadDeclarators);
    } else if (statement.type === 'VariableDeclaration') {
      removeDeclarators(file, statement, deadDeclarators);
    } else {
      removeStatement(file, statement);
    }
  }
}

function rewriteImport(file: FileContext, statement: t.ImportDeclaration, dead: Set<t.Node>): void {
  const kept = statement.specifiers.filter((specifier) => !dead.has(specifier));
  const keepsValue = kept.some((s) => !(s.type === 'ImportSpecifier' && s.importKind === 'type'));
  if (kept.length === 0) {
    removeStatement(file, statement);
    return;
  }
  for (const specifier of statement.specifiers) {
    if (dead.has(specifier)) file.removed.push({ start: specifier.start ?? 0, end: specifier.end ?? 0 });
  }
  const text = (node: t.Node) => file.code.slice(node.start ?? 0, node.end ?? 0);
  const head = kept.filter((s) => s.type !== 'ImportSpecifier').map(text);
  const named = kept
    .filter((s): s is t.ImportSpecifier => s.type === 'ImportSpecifier')
    // Left with types only, `import type` guarantees the module is not loaded for its side effects.
    .map((s) => (keepsValue ? text(s) : text(s).replace(/^type\s+/, '')));
  const clause = [...head, ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : [])].join(', ');
  const rest = file.code.slice(statement.source.start ?? 0, statement.end ?? 0);
  file.edits.overwrite(
    statement.start ?? 0,
    statement.end ?? 0,
    `import ${keepsValue ? '' : 'type '}${clause} from ${rest}`,
  );
}

function removeDeclarators(file: FileContext, statement: t.VariableDeclaration, dead: Set<t.Node>): void {
  const declarators = statement.declarations;
  if (declarators.every((d) => dead.has(d))) {
    removeStatement(file, statement);
    return;
  }
  declarators.forEach((declarator, index) => {
    if (!dead.has(declarator)) return;
    // Take the comma with it: the one before, or for the first declarator the one after.
    const start = index > 0 ? (declarators[index - 1].end ?? 0) : (declarator.start ?? 0);
    const end = index > 0 ? (declarator.end ?? 0) : (declarators[index + 1]?.start ?? 0);
    file.edits.remove(start, end);
    file.removed.push({ start, end });
  });
}

function removeStatement(file: FileContext, statement: t.Node): void {
  let end = statement.end ?? 0;
  if (file.code[end] === '\r') end++;
  if (file.code[end] === '\n') end++;
  file.edits.remove(statement.start ?? 0, end);
  file.removed.push({ start: statement.start ?? 0, end });
}
