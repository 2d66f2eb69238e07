// Expects: a .server module in the server target, validated (file.serverModule is set). Guarantees
// afterwards: `serverActions` and `serverLoaders` are wrapped in the runtime's listedUnits, so reading a
// name the module does not list (a typo, `serverActions.addMovei`, with no tsc to catch it) fails where it
// is read, naming the module, the name and the names it has, instead of handing `undefined` on to fail
// far away as "Cannot read properties of undefined (reading 'module')".
import type { t } from '../babel.ts';
import type { FileContext } from '../context.ts';

const HELPER = '__hpaListedUnits';

export function nameUnitMaps(file: FileContext): void {
  const shape = file.serverModule;
  if (!shape) throw new TypeError('name-unit-maps runs after validate-server-exports');
  const key = JSON.stringify(keyOf(file));
  const wrapped = new Set<t.Node>();
  for (const { name, value } of shape.statements.flatMap((statement) => statement.exports)) {
    if (!value || wrapped.has(value)) continue;
    wrapped.add(value);
    file.edits.prependLeft(value.start ?? 0, `${HELPER}(`);
    file.edits.appendRight(value.end ?? 0, `, ${key}, ${JSON.stringify(name)})`);
  }
  if (wrapped.size > 0) file.edits.prepend(`import { listedUnits as ${HELPER} } from "hono-preact-actions/server";\n`);
}

/** The module key where the module has one; else its file, which is still the name a reader recognises. */
function keyOf(file: FileContext): string {
  try {
    return file.moduleKey();
  } catch {
    return file.id;
  }
}
