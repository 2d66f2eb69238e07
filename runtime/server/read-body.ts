// Reading a request body under a byte limit, enforced while the bytes arrive: a declared length over
// the limit is refused before reading, and an undeclared one is cut off the moment it passes it.
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
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  try {
    // The HTTP framing holds the body to its declared length, so the platform's reader is safe and fastest.
    if (declared !== null) return new Uint8Array(await request.arrayBuffer());
    return await readChunks(request, request.body, limit);
  } catch (error) {
    if (error instanceof WireFailure) throw error;
    throw aborted();
  }
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
