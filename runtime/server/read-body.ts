// Reading a request body under a byte limit: a declared length over the limit is refused before
// reading, a declared one within it is read whole (the HTTP server stops it at that length), and an
// undeclared one is read as a stream and cut off the moment it passes the limit.
// A client that goes away mid-body is an abort, not a failure: a 499 that nobody logs with a stack.
import { stoppedReading } from './drain-body.ts';
import { WireFailure } from './failure.ts';

function tooLarge(limit: number): WireFailure {
  return new WireFailure('PAYLOAD_TOO_LARGE', 'BODY_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
}

function aborted(): WireFailure {
  return new WireFailure('CLIENT_CLOSED_REQUEST', 'ABORTED', 'The client closed the request before its body arrived.');
}

/** A body's bytes under the limit: for a body that is not text (multipart). */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared > limit) throw tooLarge(limit);
  try {
    if (declared >= 0) {
      const bytes = new Uint8Array(await request.arrayBuffer());
      // Only a Request built in process can hold more than it declares.
      if (bytes.byteLength > limit) throw tooLarge(limit);
      return bytes;
    }
    return await readUndeclared(request, limit);
  } catch (error) {
    throw asWireFailure(error);
  }
}

export interface BodyText {
  text: string;
  /** Its size in bytes: exact for a body that came over HTTP (see readBodyText). */
  bytes: number;
}

const textDecoder = new TextDecoder();

/**
 * A text body (JSON, urlencoded) under the limit, decoded as UTF-8. Of declared length it is read by
 * `request.text()`: over @hono/node-server that decodes the Node request's buffer as it is, where
 * `arrayBuffer()` copies it first, a measurable part of a small call. Its size is then the declared
 * length, which the HTTP server held it to; a Request built in process may hold more, so what it holds
 * is checked too, by its characters, each of which took at least one byte.
 * Not async, as the usual call's body: an async frame here and in the decoder is a measurable share of it.
 */
export function readBodyText(request: Request, limit: number): Promise<BodyText> {
  const declared = declaredLength(request);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  if (declared >= 0) {
    return request.text().then((text) => {
      if (text.length > limit) throw tooLarge(limit);
      return { text, bytes: Math.max(declared, text.length) };
    }, rejectAsWireFailure);
  }
  return readUndeclared(request, limit).then(
    (bytes) => ({ text: textDecoder.decode(bytes), bytes: bytes.byteLength }),
    rejectAsWireFailure,
  );
}

/**
 * The body's `Content-Length` when it is one (decimal digits only); -1 when there is none (chunked) or
 * it is not plain digits: then the body is read as a stream.
 * A declared body is read whole by the platform, never through `request.body`: the HTTP server stops
 * it at its declared length (Node, Bun, Deno and Workers alike), and over @hono/node-server asking for
 * the stream wraps the Node request in a web stream, which costs more than the rest of a small call.
 */
function declaredLength(request: Request): number {
  const header = request.headers.get('content-length');
  return header !== null && /^\d+$/.test(header) ? Number(header) : -1;
}

/** A read's failure as the wire says it: a refusal as it is, anything else the client leaving mid-body. */
function asWireFailure(error: unknown): WireFailure {
  return error instanceof WireFailure ? error : aborted();
}

function rejectAsWireFailure(error: unknown): never {
  throw asWireFailure(error);
}

async function readUndeclared(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  return readChunks(request, request.body, limit);
}

async function readChunks(request: Request, body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not cancelled: the refusal drains the rest (drain-body.ts), so the client gets its 413.
      stoppedReading(request, reader);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
