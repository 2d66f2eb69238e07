// What a pass gets: the file, its one AST, the edit buffer every pass splices into, and the
// analysis, computed on first use so files that never need it never pay for the walk.
import { isAbsolute, relative, resolve } from 'node:path';
import type MagicString from 'magic-string';
import { moduleKeyFromRelativePath } from '../runtime/shared/module-key.ts';
import { analyzeFile, type FileAnalysis } from './analyze/analyze-file.ts';
import type { t } from './babel.ts';
import type { ServerModuleManifest } from './describe-server-module.ts';
import { errorAt } from './errors.ts';
import type { ServerModuleShape } from './passes/validate-server-exports.ts';

export type Target = 'client' | 'server';

export interface CompileOptions {
  /** The file's id as the bundler knows it: an absolute path, maybe with a `?query`. */
  id: string;
  target: Target;
  /** The server modules' root; module keys are paths relative to it. Default: the working directory. */
  root?: string;
  /** The project's root (Vite's `root`): where a glob pattern starting with `/` starts. Default: the working directory. */
  projectRoot?: string;
  /**
   * Modules that re-export the middleware factories (say, a project's own `@/lib/actions`): the specifiers
   * importers spell them by, and their absolute paths. Only a module listed by its path may re-export them.
   */
  runtimeModules?: readonly string[];
  /** Called after every pass with the output so far: `HPA_DEBUG=1`-style tracing without a debugger. */
  onPass?: (pass: string, code: string) => void;
  /** Stamped into client stubs, so the server can tell a stale client (an older build) from a bad call. */
  buildId?: string;
  /** Told what each server module exposes (actions, loaders, guards, options), for the action manifest. */
  onServerModule?: (manifest: ServerModuleManifest) => void;
}

export interface Range {
  start: number;
  end: number;
}

export interface FileContext {
  /** The id without its query: what errors and source maps name. */
  id: string;
  code: string;
  target: Target;
  root: string;
  projectRoot: string;
  runtimeModules: ReadonlySet<string>;
  isServerModule: boolean;
  buildId: string | undefined;
  ast: t.File;
  edits: MagicString;
  /** Source ranges a pass has deleted; later passes treat what lies inside as gone. */
  removed: Range[];
  /** Set by validate-server-exports for .server modules: what the client stub is built from. */
  serverModule?: ServerModuleShape;
  analysis(): FileAnalysis;
  moduleKey(): string;
}

export function createContext(init: Omit<FileContext, 'analysis' | 'moduleKey' | 'removed'>): FileContext {
  let analysis: FileAnalysis | undefined;
  return {
    ...init,
    removed: [],
    analysis: () => {
      analysis ??= analyzeFile(init.ast.program, init.code, init.runtimeModules);
      return analysis;
    },
    moduleKey() {
      const absoluteRoot = resolve(init.root);
      const absoluteId = isAbsolute(init.id) ? init.id : resolve(init.id);
      const key = moduleKeyFromRelativePath(relative(absoluteRoot, absoluteId));
      if (key === null) {
        throw errorAt(
          this,
          { loc: { start: { line: 1, column: 0 } } },
          'MODULE_OUTSIDE_ROOT',
          `this server module lies outside the server modules' root (${absoluteRoot}), so it has no module key.`,
          `move it under ${absoluteRoot}, or set the plugin's \`root\` option to a folder that holds every .server module.`,
        );
      }
      return key;
    },
  };
}

export function isInside(position: number, ranges: readonly Range[]): boolean {
  return ranges.some((range) => position >= range.start && position < range.end);
}
