import { type ParserPlugin, parse } from '@babel/parser';

/** Parses compiler output the way a bundler would next, to prove the output is valid code. */
export function parseOutput(code: string, plugins: ParserPlugin[]) {
  return parse(code, { sourceType: 'module', plugins });
}
