// The entries of a server module's serverActions or serverLoaders: the names written in its object
// literal (looked up through a local it names, `as const`, `satisfies` and the like), and the options
// object of each `defineAction(fn, { … })`, or a CompileError saying why the map cannot be read so.
import type { t } from '../babel.ts';
import type { FileContext } from '../context.ts';
import { errorAt } from '../errors.ts';

// Names that every object inherits: a map entry with one of them would collide with the prototype.
const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Looks through `as const`, `satisfies`, `!`, `<T>x` and parentheses to the expression beneath. */
function unwrap(node: t.Node | null | undefined): t.Node | null | undefined {
  let current = node;
  while (
    current &&
    (current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ParenthesizedExpression')
  ) {
    current = current.expression;
  }
  return current;
}

export function mapEntries(
  file: FileContext,
  name: string,
  site: t.Node,
  value: t.Node | null | undefined,
  locals: ReadonlyMap<string, t.Node | null | undefined>,
  options: Record<string, t.Node>,
): string[] {
  let object = unwrap(value);
  if (object?.type === 'Identifier' && locals.has(object.name)) object = unwrap(locals.get(object.name));
  if (object?.type !== 'ObjectExpression') {
    throw errorAt(
      file,
      site,
      'MAP_NOT_OBJECT_LITERAL',
      `\`${name}\` must be an object literal: the client stub lists its entries by name, and only listed entries are callable.`,
      `write it as \`export const ${name} = { name: ${name === 'serverActions' ? 'defineAction' : 'defineLoader'}(…) }\` (\`as const\` and \`satisfies\` are fine).`,
    );
  }
  const entries: string[] = [];
  for (const property of object.properties) {
    const key = property.type === 'SpreadElement' ? null : entryName(property);
    if (key === null) {
      throw errorAt(
        file,
        property,
        'UNSUPPORTED_MAP_ENTRY',
        `every entry of \`${name}\` needs a name written in the source; a spread or computed key hides it from the client stub.`,
        'list each entry with a plain key, e.g. `addMovie: defineAction(…)`.',
      );
    }
    if (RESERVED_NAMES.has(key)) {
      throw errorAt(
        file,
        property,
        'RESERVED_NAME',
        `\`${key}\` cannot name an entry of \`${name}\`: every object inherits a \`${key}\`, so the name is never dispatched.`,
        `rename the entry, e.g. \`${key}Entry\`.`,
      );
    }
    entries.push(key);
    const entryValue = property.type === 'ObjectProperty' ? unwrap(property.value) : null;
    const second = entryValue?.type === 'CallExpression' ? entryValue.arguments[1] : undefined;
    if (second) options[key] = second;
  }
  return entries;
}

function entryName(property: t.ObjectProperty | t.ObjectMethod): string | null {
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return null;
}
