// A payload devalue carried (a Date, Map, Set, BigInt, URL, shared or cyclic references). devalue's
// text is a flat array of values that point at each other by index, so a few bytes can describe a
// sparse array of 2^32 - 1 slots or, through shared references, a tree far larger than the text.
// Before devalue builds anything, one iterative pass over the flat array bounds what it describes:
// every array's length (sparse ones included), the depth of the value, and its number of values
// counted as a walk of the built value would meet them (a shared value once per place it appears,
// a sparse array's every slot).
import { unflatten } from 'devalue';
import { WireFailure } from './failure.ts';
import { MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_DEVALUE_NODES } from './limits.ts';
import { forbiddenKey, parseJson, tooDeep } from './parse-json.ts';

const SPARSE = -7;
/** Tagged values whose slots from 1 on are references (a Set's values, a Map's keys and values). */
const TAGS_WITH_REFERENCES = new Set(['Set', 'Map']);
/** Tagged values that hold one reference in slot 1 (a boxed primitive, a typed array's buffer). */
const TAGS_WITH_ONE_REFERENCE = new Set([
  'Object',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Float16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'DataView',
]);

function malformed(detail: string): WireFailure {
  return new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', `The devalue payload could not be read: ${detail}.`);
}

function tooLarge(detail: string): WireFailure {
  return new WireFailure('PAYLOAD_TOO_LARGE', 'TOO_LARGE_VALUE', `The devalue payload describes ${detail}.`);
}

/** The indexes a value points at. Negative numbers are devalue's constants (undefined, NaN, a hole…). */
function referencesOf(value: unknown, values: readonly unknown[]): number[] {
  if (typeof value !== 'object' || value === null) return [];
  if (!Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const target = record[key];
      if (key === 'constructor' && typeof target === 'number' && hasPrototypeKey(values[target]))
        throw forbiddenKey(key);
    }
    return Object.values(record) as number[];
  }
  const head = value[0];
  if (typeof head === 'string') {
    if (TAGS_WITH_REFERENCES.has(head)) return value.slice(1);
    if (TAGS_WITH_ONE_REFERENCE.has(head)) return [value[1]];
    if (head === 'null') return value.filter((_, i) => i > 0 && i % 2 === 0);
    return [];
  }
  if (head === SPARSE) {
    const length = value[1];
    if (typeof length !== 'number' || length > MAX_ARRAY_LENGTH)
      throw tooLarge(`an array longer than ${MAX_ARRAY_LENGTH}`);
    return value.filter((_, i) => i > 2 && i % 2 === 1);
  }
  if (value.length > MAX_ARRAY_LENGTH) throw tooLarge(`an array longer than ${MAX_ARRAY_LENGTH}`);
  return value;
}

function hasPrototypeKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'prototype');
}

/**
 * Depth and size of the value the flat array describes, walked iteratively (post-order): a value's size
 * is one plus its children's, so a value shared by many parents counts once per parent, as a walk of the
 * built value (a schema, the action) would meet it. A reference back to a value being walked (a cycle)
 * counts as one: a walk that follows cycles needs its own guard anyway.
 */
function checkShape(values: readonly unknown[]): void {
  const size = new Float64Array(values.length);
  const depth = new Uint32Array(values.length);
  const state = new Uint8Array(values.length); // 0 unseen, 1 on the walk's path, 2 done
  const stack: { index: number; children: number[]; next: number }[] = [];
  const enter = (index: number) => {
    if (stack.length >= MAX_DEPTH) throw tooDeep('The devalue payload');
    state[index] = 1;
    stack.push({ index, children: referencesOf(values[index], values), next: 0 });
  };
  enter(0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (typeof child !== 'number' || !Number.isInteger(child) || child >= values.length) {
        throw malformed('a reference points nowhere');
      }
      if (child >= 0 && state[child] === 0) enter(child);
      continue;
    }
    stack.pop();
    // A sparse array's slots are all met by a walk (`.map`, a schema), though the text holds none of them.
    const value = values[frame.index];
    let total = Array.isArray(value) && value[0] === SPARSE ? 1 + (value[1] as number) : 1;
    let deepest = 0;
    for (const child of frame.children) {
      if (child < 0 || state[child] === 1) continue;
      total += size[child] as number;
      deepest = Math.max(deepest, depth[child] as number);
    }
    if (total > MAX_DEVALUE_NODES) throw tooLarge(`more than ${MAX_DEVALUE_NODES} values`);
    if (deepest + 1 > MAX_DEPTH) throw tooDeep('The devalue payload');
    size[frame.index] = total;
    depth[frame.index] = deepest + 1;
    state[frame.index] = 2;
  }
}

export function parseDevalue(text: string): unknown {
  let flat: unknown;
  try {
    flat = parseJson(text, 'The devalue payload');
  } catch (error) {
    if (error instanceof WireFailure && error.reason === 'MALFORMED_JSON') throw malformed('it is not JSON');
    throw error;
  }
  if (Array.isArray(flat) && flat.length > 0) {
    if (flat.length > MAX_DEVALUE_NODES) throw tooLarge(`more than ${MAX_DEVALUE_NODES} values`);
    checkShape(flat);
  }
  try {
    return unflatten(flat as number | unknown[]);
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('__proto__')) throw forbiddenKey('__proto__');
    throw malformed(message);
  }
}
