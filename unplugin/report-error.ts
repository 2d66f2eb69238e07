// A CompileError, in the form each bundler shows best. Vite, Rollup and Rolldown take a positioned
// error with a frame; esbuild wants the error reported with its location, then a return; webpack and
// rspack show a thrown message, so the location and frame go inside it. Every one shows file:line:col.
import type { CompileError } from '../compiler/index.ts';

interface ErrorContext {
  error(error: unknown): unknown;
}

export function reportCompileError(context: unknown, error: CompileError, framework: string): undefined {
  const ctx = context as ErrorContext;
  const loc = { file: error.id, line: error.loc.line, column: error.loc.column };
  switch (framework) {
    case 'vite':
    case 'rollup':
    case 'rolldown':
      ctx.error({
        message: `${error.message}\n[${error.code}]`,
        id: error.id,
        loc,
        frame: error.frame,
        code: error.code,
        // Rollup's meaning (the plugin's own error code). Left unset, Vite fills it with the whole source
        // being compiled and prints it, or sends it to the browser's overlay, on every request.
        pluginCode: error.code,
      });
      return undefined;
    case 'esbuild':
      ctx.error({ message: error.format(), loc });
      return undefined;
    default:
      throw Object.assign(new Error(error.format()), { name: 'CompileError', code: error.code });
  }
}
