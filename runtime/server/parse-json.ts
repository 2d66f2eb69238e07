// JSON from the network: nesting bounded by a linear scan before JSON.parse builds anything, and keys
// that could reach a prototype refused by what they are once parsed, whatever their spelling
// (`"\u005f_proto__"` is `__proto__`): the reviver sees decoded keys. The rule is secure-json-parse's:
// `__proto__` anywhere, and `constructor` holding a `prototype`.
import { WireFailure } from './failure.ts';
import { MAX_DEPTH } from './limits.ts';

export function tooDeep(what: string): WireFailure {
  return new WireFailure('BAD_REQUEST', 'TOO_DEEP', `${what} nests deeper than ${MAX_DEPTH} levels.`);
}

export function forbiddenKey(key: string): WireFailure {
  const message =
    key === '__proto__'
      ? 'The key "__proto__" is not allowed.'
      : 'A "constructor" key holding "prototype" is not allowed.';
  return new WireFailure('BAD_REQUEST', 'FORBIDDEN_KEY', message);
}

/** The deepest nesting of `[` and `{` outside strings, or MAX_DEPTH + 1 as soon as it passes the limit. */
export function jsonDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      // Skip the string: a backslash escapes the next character.
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c /* \ */) i++;
        else if (inner === 0x22) break;
      }
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > deepest && (deepest = depth) > limit) return depth;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Whether the text holds at most `limit` of `{` and `[` in all, strings included: then no nesting can pass
 * the limit, and the exact scan is not needed. The usual call has a few; `indexOf` finds them many times
 * faster than a scan reads each character. Stops counting once past the limit.
 */
function fewBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf('{'); at !== -1 && count <= limit; at = text.indexOf('{', at + 1)) count++;
  for (let at = text.indexOf('['); at !== -1 && count <= limit; at = text.indexOf('[', at + 1)) count++;
  return count <= limit;
}

function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw forbiddenKey(key);
  if (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype')) {
    throw forbiddenKey(key);
  }
  return value;
}

/** JSON.parse under MAX_DEPTH, refusing forbidden keys; `what` names the text in the messages. */
export function parseJson(text: string, what = 'The body'): unknown {
  if (!fewBrackets(text, MAX_DEPTH) && jsonDepth(text) > MAX_DEPTH) throw tooDeep(what);
  try {
    // The reviver costs a second pass: only text that could spell a forbidden key pays it (an escaped key holds `\u`).
    if (!text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u')) return JSON.parse(text);
    return JSON.parse(text, refuseForbiddenKeys);
  } catch (error) {
    if (error instanceof WireFailure) throw error;
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_JSON', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}
