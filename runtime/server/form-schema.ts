// What a form field may become, read from the input schema's Standard JSON Schema (Zod, ArkType; Valibot's
// schema objects are read into the same shape by valibot-schema.ts): each
// node seen as the kinds it accepts (a number, a checkbox, an object to fill from dotted names, …),
// whether it may be null, and whether a blank satisfies it. `$ref`s are followed (Zod writes them for
// `.meta({ id })`), and the types JSON Schema cannot say (Date, bigint, File, FormData) are marked by
// each library's own hook, so coercion never depends on a schema library being installed.
import type { StandardSchemaV1 } from '../shared/standard-schema.ts';
import { valibotJsonSchema } from './valibot-schema.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  /** Our mark for a type JSON Schema cannot say. */
  [FORM_TYPE]?: 'date' | 'bigint' | 'file' | 'formdata';
}

export const FORM_TYPE = 'x-hpa-form';

export type Kind =
  | { kind: 'string'; node: JsonSchema }
  | { kind: 'number' | 'integer' | 'boolean' | 'date' | 'bigint' | 'file' | 'formdata' | 'unknown' }
  | { kind: 'literal'; values: unknown[] }
  | { kind: 'array'; node: JsonSchema }
  | { kind: 'object'; node: JsonSchema };

export interface Shape {
  kinds: Kind[];
  nullable: boolean;
}

const markOf = (value: unknown): JsonSchema[typeof FORM_TYPE] | undefined => {
  if (value === Date) return 'date';
  if (value === globalThis.File || value === globalThis.Blob) return 'file';
  if (value === globalThis.FormData) return 'formdata';
  return undefined;
};

interface ZodOverrideContext {
  zodSchema: { _zod: { def: { type: string }; bag?: { Class?: unknown } } };
  jsonSchema: Record<string, unknown>;
}
interface ArkContext {
  base: Record<string, unknown>;
  domain?: string;
  proto?: unknown;
}

/** Each library's hook for the types it cannot write as JSON Schema: we mark them instead of losing them. */
const LIBRARY_OPTIONS: Record<string, Record<string, unknown>> = {
  zod: {
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }: ZodOverrideContext) => {
      const { type } = zodSchema._zod.def;
      const mark = type === 'date' || type === 'bigint' ? type : markOf(zodSchema._zod.bag?.Class);
      if (mark) jsonSchema[FORM_TYPE] = mark;
    },
  },
  arktype: {
    fallback: {
      date: (ctx: ArkContext) => ({ ...ctx.base, [FORM_TYPE]: 'date' }),
      domain: (ctx: ArkContext) => (ctx.domain === 'bigint' ? { ...ctx.base, [FORM_TYPE]: 'bigint' } : ctx.base),
      proto: (ctx: ArkContext) => {
        const mark = markOf(ctx.proto);
        return mark ? { ...ctx.base, [FORM_TYPE]: mark } : ctx.base;
      },
    },
  },
};

interface WithJsonSchema {
  '~standard': {
    vendor: string;
    jsonSchema?: { input(options: { target: string; libraryOptions?: Record<string, unknown> }): unknown };
  };
}

/** The schema's JSON Schema for its input, when the library offers one; null otherwise. */
export function jsonSchemaOf(schema: StandardSchemaV1 | undefined): JsonSchema | null {
  if (!schema) return null;
  const standard = (schema as unknown as WithJsonSchema)['~standard'];
  // Valibot offers no JSON Schema through Standard Schema: its schema objects are read instead.
  if (standard.vendor === 'valibot') return valibotJsonSchema(schema as Parameters<typeof valibotJsonSchema>[0]);
  if (!standard.jsonSchema) return null;
  try {
    const libraryOptions = LIBRARY_OPTIONS[standard.vendor] ?? {};
    return standard.jsonSchema.input({ target: 'draft-2020-12', libraryOptions }) as JsonSchema;
  } catch {
    return null;
  }
}

/** Follows a local `$ref` (`#/$defs/Name`, `#`) to the node it names; anything else stays as it is. */
export function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  for (let hops = 0; node.$ref !== undefined && hops < 32; hops++) {
    const ref = node.$ref;
    if (ref === '#') {
      node = root;
      continue;
    }
    const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
    const target = match
      ? root[match[1] as '$defs' | 'definitions']?.[decodeURIComponent(match[2] as string)]
      : undefined;
    if (!target) return {};
    node = target;
  }
  return node;
}

/** The kinds a node accepts, in the schema's order, looking through unions, `type: [x, "null"]` and `$ref`s. */
export function shapeOf(input: JsonSchema, root: JsonSchema): Shape {
  const shape: Shape = { kinds: [], nullable: false };
  const visit = (raw: JsonSchema, depth: number) => {
    const node = resolve(raw, root);
    const branches = node.anyOf ?? node.oneOf;
    if (branches && depth < 16) {
      for (const branch of branches) visit(branch, depth + 1);
      return;
    }
    if (node.allOf && depth < 16) return void shape.kinds.push({ kind: 'object', node: mergeAll(node, root) });
    if (node[FORM_TYPE]) return void shape.kinds.push({ kind: node[FORM_TYPE] });
    const literals = node.const !== undefined ? [node.const] : node.enum;
    if (literals) {
      if (literals.includes(null)) shape.nullable = true;
      const values = literals.filter((value) => value !== null);
      if (values.length > 0) shape.kinds.push({ kind: 'literal', values });
      return;
    }
    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    if (types.length === 0) shape.kinds.push(node.properties ? { kind: 'object', node } : { kind: 'unknown' });
    for (const type of types) {
      if (type === 'null') shape.nullable = true;
      else if (type === 'string')
        shape.kinds.push(node.format === 'binary' ? { kind: 'file' } : { kind: 'string', node });
      else if (type === 'array' || type === 'object') shape.kinds.push({ kind: type, node });
      else if (type === 'number' || type === 'integer' || type === 'boolean') shape.kinds.push({ kind: type });
    }
  };
  visit(input, 0);
  return shape;
}

/** An intersection of objects as one object: the properties and requirements of every part. */
function mergeAll(node: JsonSchema, root: JsonSchema): JsonSchema {
  const merged: JsonSchema = {
    type: 'object',
    properties: { ...node.properties },
    required: [...(node.required ?? [])],
  };
  for (const part of node.allOf ?? []) {
    const resolved = resolve(part, root);
    Object.assign(merged.properties as object, resolved.properties);
    merged.required?.push(...(resolved.required ?? []));
  }
  return merged;
}

/** Whether `""` satisfies a string node: no minimum length, format, or pattern that refuses it. */
export function acceptsBlank(node: JsonSchema): boolean {
  if ((node.minLength ?? 0) > 0 || node.format !== undefined) return false;
  if (node.pattern === undefined) return true;
  try {
    return new RegExp(node.pattern, 'u').test('');
  } catch {
    return false;
  }
}
