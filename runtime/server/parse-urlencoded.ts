// application/x-www-form-urlencoded, split by hand so that it is linear in the body and stops at the
// field limit: `URLSearchParams` parses the whole body first (and is quadratic on `a&a&a…` in Node),
// and the libraries that count while parsing are Node-only (`node:querystring`) or build nested
// objects from bracketed names (`qs`), which is a second attack surface. Decoding follows the URL
// standard: `+` is a space, a `%` not followed by two hex digits stays as it is, bad UTF-8 becomes U+FFFD.

export type UrlencodedEntries = [string, string][];

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function decode(part: string): string {
  const spaced = part.includes('+') ? part.replaceAll('+', ' ') : part;
  if (!spaced.includes('%')) return spaced;
  const bytes = utf8.encode(spaced);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x25 /* % */ && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1] as number);
      const low = hexValue(bytes[i + 2] as number);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return utf8Decoder.decode(out.subarray(0, length));
}

/**
 * The body's fields in order; `onTooMany` is thrown as soon as there are more than `maxFields`, before
 * the rest of the body is looked at. Empty sequences (`a&&b`) are skipped, as the URL standard says.
 */
export function parseUrlencoded(body: string, maxFields: number, onTooMany: () => Error): UrlencodedEntries {
  const entries: UrlencodedEntries = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('&', start);
    if (end === -1) end = body.length;
    if (end > start) {
      if (entries.length >= maxFields) throw onTooMany();
      // Looked for in the field alone: searching the rest of the body would make `a&a&a…` quadratic.
      const field = body.slice(start, end);
      const equals = field.indexOf('=');
      entries.push(
        equals === -1 ? [decode(field), ''] : [decode(field.slice(0, equals)), decode(field.slice(equals + 1))],
      );
    }
    start = end + 1;
  }
  return entries;
}
