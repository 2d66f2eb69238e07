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

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared > limit) throw tooLarge(limit);
  try {
    if (declared >= 0) {
      // Read whole by the platform, never through `request.body`: over @hono/node-server, asking for
      // the stream wraps the Node request in a web stream, which costs more than the rest of a small
      // call. The HTTP server stops the body at its declared length (Node, Bun, Deno and Workers
      // alike); a Request built in process may hold more than it declares, so the size is checked again.
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > limit) throw tooLarge(limit);
      return bytes;
    }
    if (!request.body) return new Uint8Array(0);
    return await readChunks(request, request.body, limit);
  } catch (error) {
    if (error instanceof WireFailure) throw error;
    throw aborted();
  }
}

/** The body's `Content-Length` when it is one (decimal digits only), else -1: chunked, absent or unreadable. */
function declaredLength(request: Request): number {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) ? Number(declared) : -1;
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
