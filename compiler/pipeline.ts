// compile(): the whole compiler, top to bottom. Pre-check with regexes, parse once, run the passes
// for the target in order, and generate once, only if something changed, from the edit buffer
// (magic-string), whose source map carries `sourcesContent`.
import { extname } from 'node:path';
import MagicString from 'magic-string';
import { parseModule } from './babel.ts';
import { type CompileOptions, createContext, type FileContext, type Range } from './context.ts';
import { isServerModuleId, mayGlobServerModules, mayNeedCompile, RUNTIME_MODULE, stripQuery } from './detect.ts';
import { describeServerModule } from './describe-server-module.ts';
import { type CompileError, errorAt } from './errors.ts';
import { refuseServerFolder } from './refuse-server-folder.ts';
import { generateSourceMap } from './source-map.ts';
import { nameUnitMaps } from './passes/name-unit-maps.ts';
import { refuseServerModuleUrls } from './passes/refuse-server-module-urls.ts';
import { removeUnusedImports } from './passes/remove-unused-imports.ts';
import { replaceServerModule } from './passes/replace-server-module.ts';
import { rewriteServerGlobs } from './passes/rewrite-server-globs.ts';
import { stripMiddleware } from './passes/strip-middleware.ts';
import { validateServerExports } from './passes/validate-server-exports.ts';

export interface CompileResult {
  code: string;
  map: SourceMapResult;
}

type Pass = (file: FileContext) => void;

function passesFor(file: FileContext): Pass[] {
  if (file.isServerModule && file.target === 'client') {
    // The stub is built from the export names alone, so nothing else of the file survives.
    return [validateServerExports, replaceServerModule];
  }
  const passes: Pass[] = [stripMiddleware, removeUnusedImports];
  if (mayGlobServerModules(file.code)) passes.unshift(rewriteServerGlobs);
  // Past the first branch, a server module is in the server target.
  if (file.isServerModule) return [validateServerExports, nameUnitMaps, ...passes];
  return file.target === 'client' ? [refuseServerModuleUrls, ...passes] : passes;
}

export function compile(code: string, options: CompileOptions): CompileResult | null {
  if (!mayNeedCompile(code, options.id)) return null;
  const id = stripQuery(options.id);
  const site = { id, code };
  const root = options.root ?? process.cwd();
  refuseServerFolder(site, root, options.target);
  let ast: ReturnType<typeof parseModule>;
  try {
    ast = parseModule(code, extname(id));
  } catch (error) {
    throw parseFailure(site, error);
  }

  const file = createContext({
    id,
    code,
    target: options.target,
    root,
    projectRoot: options.projectRoot ?? process.cwd(),
    runtimeModules: new Set([RUNTIME_MODULE, ...(options.runtimeModules ?? [])]),
    isServerModule: isServerModuleId(id),
    buildId: options.buildId,
    ast,
    edits: new MagicString(code),
  });

  for (const pass of passesFor(file)) {
    pass(file);
    options.onPass?.(pass.name, file.edits.toString());
  }
  if (options.onServerModule && file.isServerModule) {
    const manifest = describeServerModule(file);
    if (manifest) options.onServerModule(manifest);
  }

  if (!file.edits.hasChanged()) return null;
  const output = file.edits.toString();
  // A client stub compiled again rebuilds itself byte for byte: that is no change either.
  if (output === code) return null;
  return { code: output, map: sourceMapFor(file) };
}

export type SourceMapResult = ReturnType<MagicString['generateMap']> | EmptySourceMap;

/** A map with no mappings: the output has no position in any source (Rollup and Vite read it that way). */
export interface EmptySourceMap {
  version: 3;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: '';
}

/**
 * The output's source map. Source maps reach the browser (Vite dev inlines them), so a client
 * output's map must not carry the server code it removed: a stub maps nowhere, and a stripped module
 * carries its source with every removed range blanked out (newlines kept, so positions still match).
 */
function sourceMapFor(file: FileContext): SourceMapResult {
  if (file.target === 'client' && file.isServerModule) {
    return { version: 3, sources: [], sourcesContent: [], names: [], mappings: '' };
  }
  const content = file.target === 'client' && file.removed.length > 0 ? redact(file.code, file.removed) : file.code;
  return generateSourceMap(file.edits, file.id, content);
}

function redact(code: string, ranges: readonly Range[]): string {
  // Slices, not a character array: this runs on every client module that loses a body.
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const { start, end } of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    result += code.slice(cursor, from) + code.slice(from, end).replace(/[^\r\n]/g, ' ');
    cursor = end;
  }
  return result + code.slice(cursor);
}

function parseFailure(site: { id: string; code: string }, error: unknown): CompileError {
  const syntax = error as { message?: string; loc?: { line: number; column: number } };
  const reason = (syntax.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, '').replace(/\.$/, '');
  return errorAt(
    site,
    { loc: { start: syntax.loc ?? { line: 1, column: 0 } } },
    'PARSE_ERROR',
    `this file does not parse: ${reason}.`,
    'correct the syntax at this position; the compiler reads the file as an ES module with the parser plugins its extension implies (JSX only in .tsx, .jsx and .js files).',
  );
}
