// The one module that imports Babel. Everything else in the compiler takes parse, the node
// types and the code frame from here, so a Babel upgrade touches a single file.
import { codeFrameColumns } from '@babel/code-frame';
import { type ParserPlugin, parse } from '@babel/parser';
import * as t from '@babel/types';

export { t };
export type Node = t.Node;

/** Parser plugins by extension: JSX only where the extension allows it (`<T>x` means a cast in `.ts`). */
export function parserPluginsFor(extension: string): ParserPlugin[] {
  switch (extension) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ['typescript'];
    case '.tsx':
      return ['typescript', 'jsx'];
    default:
      return ['jsx'];
  }
}

export function parseModule(code: string, extension: string): t.File {
  return parse(code, {
    sourceType: 'module',
    plugins: parserPluginsFor(extension),
  });
}

/** A code frame around a 1-based line and 0-based column (Babel 8's convention), without colours. */
export function frameAt(code: string, line: number, column: number): string {
  return codeFrameColumns(code, { start: { line, column } }, { highlightCode: false });
}
