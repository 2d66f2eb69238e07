// Expects: any module. Guarantees afterwards: every call of a factory from our runtime that belongs to
// the other target (server middleware and stream observers in the client, client middleware in the
// server) has no arguments left, so it evaluates to the runtime's body-less brand object; the deleted
// ranges are recorded in `file.removed`. A factory used other than by a direct call is an error,
// because the compiler could not prove where its body goes.

import { type FileContext, isInside, type Range } from '../context.ts';
import { MIDDLEWARE_FACTORIES } from '../detect.ts';
import { errorAt } from '../errors.ts';

export function stripMiddleware(file: FileContext): void {
  const analysis = file.analysis();
  const misuse = analysis.factoryValueUses[0];
  if (misuse) {
    throw errorAt(
      file,
      misuse.node,
      'FACTORY_AS_VALUE',
      `\`${misuse.written}\` is used as a value. The compiler strips middleware bodies only from direct calls such as \`defineServerMiddleware(async (ctx, next) => …)\`; passed around, its body could reach the browser.`,
      'call the factory directly where the middleware is defined, and pass the middleware it returns instead of the factory.',
    );
  }

  const reExport = analysis.runtimeReExports[0];
  if (reExport && !file.runtimeModules.has(file.id)) {
    throw errorAt(
      file,
      reExport.node,
      'UNLISTED_RUNTIME_MODULE',
      `this module hands on \`${reExport.written}\` from the runtime, but it is not listed in the plugin's \`runtimeModules\`: the compiler would not know calls made through it, and their bodies would reach the other side's bundle.`,
      "list it, e.g. `hpa({ runtimeModules: ['@/lib/actions'] })` (any specifier that resolves to this file), or import the factories from 'hono-preact-actions' where they are called.",
    );
  }
  const load = analysis.runtimeLoads[0];
  if (load) {
    throw errorAt(
      file,
      load.node,
      'DYNAMIC_RUNTIME_IMPORT',
      `\`${load.written}\` hands the runtime over at run time, where the compiler cannot follow its middleware factories: a middleware defined through it would keep its body in the other side's bundle.`,
      "import the factories statically where the middleware is defined, e.g. `import { defineServerMiddleware } from 'hono-preact-actions'`; to load code lazily, `import()` a module of your own that imports the runtime statically.",
    );
  }

  const stripped: Range[] = [];
  // Outer calls first, so a call nested in a body that is already gone is left alone.
  const calls = analysis.factoryCalls
    .filter(({ factory }) => MIDDLEWARE_FACTORIES[factory] !== file.target)
    .sort((a, b) => (a.call.start ?? 0) - (b.call.start ?? 0));
  for (const { call } of calls) {
    if (call.arguments.length === 0 || isInside(call.start ?? 0, stripped)) continue;
    const afterCallee = call.typeArguments?.end ?? call.callee.end ?? 0;
    const range = { start: openParenAfter(file.code, afterCallee) + 1, end: (call.end ?? 0) - 1 };
    file.edits.remove(range.start, range.end);
    stripped.push(range);
  }
  file.removed.push(...stripped);
}

/** The `(` that opens the argument list, past white space, comments and `?.`. */
function openParenAfter(code: string, from: number): number {
  let i = from;
  while (i < code.length) {
    const char = code[i];
    if (char === '(') return i;
    if (char === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 2;
    else if (char === '/' && code[i + 1] === '/') i = code.indexOf('\n', i + 2) + 1;
    else i++;
    if (i <= 0) break;
  }
  throw new RangeError(`no argument list after position ${from}`);
}
