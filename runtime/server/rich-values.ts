// JSON carries plain data only. A value JSON would change or refuse (a Date, Map, Set, BigInt, URL,
// RegExp, an undefined inside an object or array, an object reached twice) travels through devalue
// instead, in results and in payloads; everything else stays plain JSON, so most calls pay nothing.
export function needsRichEncoding(value: unknown, seen?: Set<object>): boolean {
  if (value === undefined || typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  // Plain objects and arrays, nearly every value a result holds, are none of these classes.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype) {
    if (value instanceof Blob) return false;
    if (
      value instanceof Date ||
      value instanceof Map ||
      value instanceof Set ||
      value instanceof URL ||
      value instanceof RegExp
    ) {
      return true;
    }
  }
  if (seen?.has(value)) return true;
  seen?.add(value);
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    // The set of objects met so far is made at the first nested object: a flat result needs none.
    if (seen === undefined && typeof item === 'object' && item !== null) seen = new Set([value]);
    if (needsRichEncoding(item, seen)) return true;
  }
  return false;
}
