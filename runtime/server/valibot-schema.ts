// Valibot offers no JSON Schema through Standard Schema, but its schemas are plain objects that say
// what they are (`type`, `entries`, `wrapped`, `options`, …). This reads them into the same JSON Schema
// shape the other libraries give, so a Valibot action's form is coerced by the same rules. It reads
// objects only: the runtime imports no schema library.
import { FORM_TYPE, type JsonSchema } from './form-schema.ts';

interface ValibotNode {
  kind?: string;
  type?: string;
  entries?: Record<string, ValibotNode>;
  wrapped?: ValibotNode;
  default?: unknown;
  item?: ValibotNode;
  items?: ValibotNode[];
  rest?: ValibotNode;
  options?: unknown[];
  literal?: unknown;
  class?: unknown;
  pipe?: ValibotNode[];
  '~standard'?: { validate(value: unknown): unknown };
}

const OPTIONAL = new Set(['optional', 'exact_optional', 'undefinedable', 'nullish']);
const OBJECT = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
const TUPLE = new Set(['tuple', 'loose_tuple', 'strict_tuple', 'tuple_with_rest']);

export function valibotJsonSchema(node: ValibotNode, depth = 0): JsonSchema {
  if (depth > 32 || node.kind !== 'schema') return {};
  const next = (child: ValibotNode) => valibotJsonSchema(child, depth + 1);
  const type = node.type ?? '';
  if (OPTIONAL.has(type) || type === 'nullable') {
    const inner = next(node.wrapped as ValibotNode);
    const nullable = type === 'nullable' || type === 'nullish';
    return {
      ...(nullable ? { anyOf: [inner, { type: 'null' }] } : inner),
      ...(node.default !== undefined && { default: node.default }),
    };
  }
  if (OBJECT.has(type)) {
    const entries = Object.entries(node.entries ?? {});
    return {
      type: 'object',
      properties: Object.fromEntries(entries.map(([name, entry]) => [name, next(entry)])),
      required: entries.filter(([, entry]) => !OPTIONAL.has(entry.type ?? '')).map(([name]) => name),
    };
  }
  if (TUPLE.has(type)) return { type: 'array', prefixItems: (node.items ?? []).map(next) };
  switch (type) {
    case 'string':
      // A blank that the pipe refuses (minLength, email, url, regex, …), said as JSON Schema would say it.
      return acceptsBlank(node) ? { type: 'string' } : { type: 'string', minLength: 1 };
    case 'number':
    case 'boolean':
      return { type };
    case 'bigint':
    case 'date':
      return { [FORM_TYPE]: type };
    case 'file':
    case 'blob':
      return { [FORM_TYPE]: 'file' };
    case 'instance':
      return node.class === globalThis.FormData
        ? { [FORM_TYPE]: 'formdata' }
        : node.class === globalThis.File || node.class === globalThis.Blob
          ? { [FORM_TYPE]: 'file' }
          : node.class === Date
            ? { [FORM_TYPE]: 'date' }
            : {};
    case 'array':
      return { type: 'array', items: next(node.item as ValibotNode) };
    case 'picklist':
    case 'enum':
      return { enum: node.options };
    case 'literal':
      return { const: node.literal };
    case 'union':
    case 'variant':
      return { anyOf: (node.options as ValibotNode[]).map(next) };
    case 'intersect':
      return { allOf: (node.options as ValibotNode[]).map(next) };
    default:
      return {};
  }
}

function acceptsBlank(node: ValibotNode): boolean {
  if (!node.pipe) return true;
  const result = node['~standard']?.validate('') as { issues?: unknown } | Promise<unknown> | undefined;
  return result === undefined || result instanceof Promise || !result.issues;
}
