// Compile errors are values with a stable code, the location, a code frame and the fix. The
// compiler never throws a bare Error: a user must always learn which line to change and how.
import { frameAt } from './babel.ts';

export type CompileErrorCode =
  | 'PARSE_ERROR'
  | 'ILLEGAL_EXPORT'
  | 'EXPORT_ALL'
  | 'RE_EXPORT'
  | 'DESTRUCTURED_EXPORT'
  | 'DUPLICATE_DEFAULT_LOADER'
  | 'MAP_NOT_OBJECT_LITERAL'
  | 'UNSUPPORTED_MAP_ENTRY'
  | 'RESERVED_NAME'
  | 'FACTORY_AS_VALUE'
  | 'MODULE_OUTSIDE_ROOT'
  | 'SERVER_MODULE_FOLDER'
  | 'UNLISTED_RUNTIME_MODULE'
  | 'DYNAMIC_RUNTIME_IMPORT'
  | 'SERVER_MODULE_URL';

export interface SourceLocation {
  /** 1-based, like every editor. */
  line: number;
  /** 0-based, like Babel. The message prints it 1-based so `file:line:col` opens the right column. */
  column: number;
}

export class CompileError extends Error {
  override name = 'CompileError';
  readonly code: CompileErrorCode;
  readonly id: string;
  readonly loc: SourceLocation;
  readonly frame: string;
  readonly fix: string;

  constructor(init: {
    code: CompileErrorCode;
    id: string;
    loc: SourceLocation;
    frame: string;
    problem: string;
    fix: string;
  }) {
    super(`${init.id}:${init.loc.line}:${init.loc.column + 1}: ${init.problem}\nFix: ${init.fix}`);
    this.code = init.code;
    this.id = init.id;
    this.loc = init.loc;
    this.frame = init.frame;
    this.fix = init.fix;
  }

  /** The message, the code and the frame: what a terminal should show. */
  format(): string {
    return `${this.message}\n[${this.code}]\n\n${this.frame}`;
  }
}

export interface ErrorSite {
  id: string;
  code: string;
}

/** A CompileError pointing at a node (anything with a Babel `loc`). */
export function errorAt(
  site: ErrorSite,
  node: { loc?: { start: { line: number; column: number } } | null },
  code: CompileErrorCode,
  problem: string,
  fix: string,
): CompileError {
  const start = node.loc?.start ?? { line: 1, column: 0 };
  return new CompileError({
    code,
    id: site.id,
    loc: { line: start.line, column: start.column },
    frame: frameAt(site.code, start.line, start.column),
    problem,
    fix,
  });
}
