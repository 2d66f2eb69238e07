// A form's fields as a payload. Without a schema, seed 000's rules: strings stay strings, files stay
// files, a repeated name keeps its last value. With a schema that offers Standard JSON Schema (Zod,
// ArkType), Astro's rules by field type: numbers parsed, checkboxes to booleans ("false" stays false,
// an unchecked box is false), repeated names to arrays (none checked is []), files kept, an empty field
// of any other type than string left out so `optional()` means what it says, and empty strings kept as "".
import type { StandardSchemaV1 } from '../shared/standard-schema.ts';

export type FormEntries = [string, FormDataEntryValue][];

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface WithJsonSchema {
  '~standard': {
    jsonSchema?: { input(options: { target: string; libraryOptions?: Record<string, unknown> }): unknown };
  };
}

/** The schema's JSON Schema for its input, when the library offers one; null otherwise. */
export function jsonSchemaOf(schema: StandardSchemaV1 | undefined): JsonSchema | null {
  const converter = (schema as WithJsonSchema | undefined)?.['~standard'].jsonSchema;
  if (!converter) return null;
  try {
    // Zod refuses types JSON Schema cannot express (a File) unless told to leave them open: `{}`,
    // which coercion then passes through untouched.
    return converter.input({ target: 'draft-2020-12', libraryOptions: { unrepresentable: 'any' } }) as JsonSchema;
  } catch {
    return null;
  }
}

export function formPayload(entries: FormEntries, schema: JsonSchema | null): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (!schema?.properties) {
    for (const [name, value] of entries) payload[name] = value;
    return payload;
  }
  const properties = schema.properties;
  for (const [name, value] of entries) if (!Object.hasOwn(properties, name)) payload[name] = value;
  for (const [name, property] of Object.entries(properties)) {
    const values = entries.filter(([entry]) => entry === name).map(([, value]) => value);
    const type = typeOf(property);
    if (type === 'array') {
      payload[name] = values.map((value) => coerce(value, typeOf(property.items ?? {}))).filter((v) => v !== undefined);
    } else if (type === 'boolean') {
      payload[name] = values.length > 0 && !['false', 'off', '0', ''].includes(String(values.at(-1)));
    } else if (values.length > 0) {
      const coerced = coerce(values.at(-1) as FormDataEntryValue, type);
      if (coerced !== undefined) payload[name] = coerced;
    }
  }
  return payload;
}

function coerce(value: FormDataEntryValue, type: JsonType | undefined): unknown {
  if (typeof value !== 'string') return value.size === 0 && value.name === '' ? undefined : value;
  // An empty field that is not a string field (a number, or a file input some clients send as "") is left out.
  if (value.trim() === '' && type !== 'string') return undefined;
  if (type === 'number' || type === 'integer') return Number(value);
  if (type === 'boolean') return !['false', 'off', '0', ''].includes(value);
  return value;
}

/** The field's type, looking through `anyOf`/`oneOf` and `type: [x, "null"]` (optional and nullable fields). */
function typeOf(schema: JsonSchema): JsonType | undefined {
  const types = [schema.type, ...(schema.anyOf ?? []).map(typeOf), ...(schema.oneOf ?? []).map(typeOf)]
    .flat()
    .filter((type): type is JsonType => type !== undefined && type !== 'null');
  return types[0];
}
