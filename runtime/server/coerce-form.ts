// A form's fields as a payload. Without a schema, as sent: strings stay strings, files stay files, a
// repeated name keeps its last value. With a schema (Zod, ArkType, Valibot), each field becomes what the
// schema asks for (form-schema.ts reads it): the README's "Form fields" table is the user's version of
// these rules, and tests/server/form-cases.ts their proof. Entry names were checked by decode-call.ts:
// no part of one is __proto__, constructor or prototype.
import { acceptsBlank, FORM_TYPE, type JsonSchema, type Kind, shapeOf } from './form-schema.ts';

export { jsonSchemaOf, type JsonSchema } from './form-schema.ts';

export type FormEntries = [string, FormDataEntryValue][];

/** Left out of the payload, so the schema's `optional()` or `default()` decides. */
const OMIT = Symbol('omit');

/** z.stringbool()'s default words, in any case; a checkbox with any other value is checked. */
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off', 'disabled', '']);
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on', 'enabled']);

// What an <input type=number> can send: a decimal, maybe signed, maybe with an exponent.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
// What <input type=date>, datetime-local and ISO strings look like; Date.parse alone takes "5".
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Nested objects deeper than this are left out, for the validator to name: a schema may refer to itself,
// and a hostile name of a million dots must cost no more than its bytes.
const MAX_DEPTH = 32;

/** True when the schema wants the form itself (`z.instanceof(FormData)` and its like): then it gets it. */
export function wantsFormData(schema: JsonSchema | null): boolean {
  return schema?.[FORM_TYPE] === 'formdata';
}

export function toFormData(entries: FormEntries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

export function formPayload(entries: FormEntries, schema: JsonSchema | null): Record<string, unknown> {
  const objects = schema ? shapeOf(schema, schema).kinds.filter((kind) => kind.kind === 'object') : [];
  if (!schema || objects.length === 0) {
    const payload: Record<string, unknown> = {};
    for (const [name, value] of entries) payload[name] = value;
    return payload;
  }
  return fillObject(pickBranch(objects, entries, schema), entries, schema, 0);
}

/** The object a set of dotted entries fills: each property from its own name or its `name.` entries. */
function fillObject(node: JsonSchema, entries: FormEntries, root: JsonSchema, depth: number): Record<string, unknown> {
  const properties = node.properties ?? {};
  const required = new Set(node.required ?? []);
  const payload: Record<string, unknown> = {};
  // Fields the schema does not name pass through as sent (a strict schema refuses them, a loose one keeps them).
  for (const [name, value] of entries) {
    const head = name.split('.', 1)[0] as string;
    if (!Object.hasOwn(properties, name) && !Object.hasOwn(properties, head)) payload[name] = value;
  }
  for (const [name, property] of Object.entries(properties)) {
    // A schema's own key could still name the prototype; no form field can fill it.
    if (name === '__proto__') continue;
    const values: FormDataEntryValue[] = [];
    const nested: FormEntries = [];
    for (const [entry, value] of entries) {
      if (entry === name) values.push(value);
      else if (entry.startsWith(`${name}.`)) nested.push([entry.slice(name.length + 1), value]);
    }
    const optional = !required.has(name) || property.default !== undefined;
    const value = coerceField(property, values, nested, optional, root, depth);
    if (value !== OMIT) payload[name] = value;
  }
  return payload;
}

function coerceField(
  node: JsonSchema,
  values: FormDataEntryValue[],
  nested: FormEntries,
  optional: boolean,
  root: JsonSchema,
  depth: number,
): unknown {
  const { kinds, nullable } = shapeOf(node, root);
  const objects = kinds.filter((kind) => kind.kind === 'object');
  if (objects.length > 0 && (nested.length > 0 || values.length === 0)) {
    if (nested.length === 0) {
      if (optional) return OMIT;
      if (nullable) return null;
    }
    if (depth >= MAX_DEPTH) return OMIT;
    return fillObject(pickBranch(objects, nested, root), nested, root, depth + 1);
  }
  const array = kinds.find((kind) => kind.kind === 'array');
  // A checkbox group, or a multiple select or file input: none checked or chosen sends nothing, which is [].
  if (array) return coerceArray(array.node, values, root);
  // A checkbox: unchecked sends nothing, which is false, whatever the default.
  if (kinds.length > 0 && kinds.every((kind) => kind.kind === 'boolean')) {
    return values.length > 0 && !FALSE_WORDS.has(lastText(values).trim().toLowerCase());
  }
  if (values.length === 0) return optional ? OMIT : nullable ? null : OMIT;
  const value = values.at(-1) as FormDataEntryValue;
  if (isBlank(value, kinds)) {
    if (nullable) return null;
    const text = typeof value === 'string';
    if (text && kinds.some((kind) => kind.kind === 'string' && acceptsBlank(kind.node))) return '';
    if (optional) return OMIT;
    // Required: a text field keeps "" so the schema's own message says why; anything else is missing.
    return text && kinds.some((kind) => kind.kind === 'string' || kind.kind === 'literal') ? '' : OMIT;
  }
  return coerceScalar(value, kinds);
}

function coerceArray(node: JsonSchema, values: FormDataEntryValue[], root: JsonSchema): unknown[] {
  if (node.prefixItems) {
    const rest = typeof node.items === 'object' ? node.items : {};
    return values.map((value, index) => coerceItem(value, node.prefixItems?.[index] ?? rest, root));
  }
  const items = typeof node.items === 'object' ? node.items : {};
  return values.map((value) => coerceItem(value, items, root)).filter((value) => value !== OMIT);
}

function coerceItem(value: FormDataEntryValue, node: JsonSchema, root: JsonSchema): unknown {
  const { kinds } = shapeOf(node, root);
  if (kinds.length > 0 && kinds.every((kind) => kind.kind === 'boolean')) {
    return !FALSE_WORDS.has(String(value).trim().toLowerCase());
  }
  // An empty file input in a multiple one, or a blank among numbers, is no item; a blank text item is "".
  if (isBlank(value, kinds)) return typeof value === 'string' && kinds.some((k) => k.kind === 'string') ? '' : OMIT;
  return coerceScalar(value, kinds);
}

/** The first of the schema's kinds the value can be, in the schema's order; else the value as sent. */
function coerceScalar(value: FormDataEntryValue, kinds: Kind[]): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  for (const kind of kinds) {
    if (kind.kind !== 'literal') continue;
    for (const literal of kind.values) {
      if (literal === value || (typeof literal !== 'string' && String(literal) === trimmed)) return literal;
    }
  }
  for (const kind of kinds) {
    switch (kind.kind) {
      case 'number':
      case 'integer':
        if (NUMBER.test(trimmed)) return Number(trimmed);
        break;
      case 'bigint':
        if (INTEGER.test(trimmed)) return BigInt(trimmed);
        break;
      case 'date':
        if (DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return new Date(trimmed);
        break;
      case 'boolean':
        if (TRUE_WORDS.has(trimmed.toLowerCase())) return true;
        if (FALSE_WORDS.has(trimmed.toLowerCase())) return false;
        break;
      case 'string':
      case 'unknown':
        return value;
    }
  }
  // Nothing fits: the schema names the type it wanted ("expected number, received string").
  return value;
}

/** An empty field: `""`, or an empty file part; for fields that take no text, spaces alone too. */
function isBlank(value: FormDataEntryValue, kinds: Kind[]): boolean {
  if (typeof value !== 'string') return value.size === 0 && value.name === '';
  if (value === '') return true;
  return value.trim() === '' && !kinds.some((kind) => kind.kind === 'string' || kind.kind === 'unknown');
}

const lastText = (values: FormDataEntryValue[]) => {
  const value = values.at(-1);
  return typeof value === 'string' ? value : 'on';
};

/**
 * The branch of a union of objects the entries fill: the one whose literal property (a discriminator
 * such as `kind`) matches the value sent, else the one that names the most of the entries.
 */
function pickBranch(objects: Kind[], entries: FormEntries, root: JsonSchema): JsonSchema {
  const nodes = objects.map((kind) => (kind as { node: JsonSchema }).node);
  if (nodes.length === 1) return nodes[0] as JsonSchema;
  const sent = new Map<string, FormDataEntryValue>();
  for (const [name, value] of entries) sent.set(name, value);
  for (const node of nodes) {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      const value = sent.get(name);
      if (typeof value !== 'string') continue;
      const literal = shapeOf(property, root).kinds.find((kind) => kind.kind === 'literal');
      if (literal && 'values' in literal && literal.values.some((item) => String(item) === value)) return node;
    }
  }
  const heads = new Set(entries.map(([name]) => name.split('.', 1)[0] as string));
  let best = nodes[0] as JsonSchema;
  let bestCount = -1;
  for (const node of nodes) {
    const count = Object.keys(node.properties ?? {}).filter((name) => heads.has(name)).length;
    if (count > bestCount) [best, bestCount] = [node, count];
  }
  return best;
}
