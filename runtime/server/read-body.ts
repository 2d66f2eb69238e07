// Reading a request body under a byte limit, enforced while the bytes arrive: a declared length over
// the limit is refused before reading, and an undeclared one is cut off the moment it passes it.
import { WireFailure } from './failure.ts';

function tooLarge(limit: number): WireFailure {
  return new WireFailure('PAYLOAD_TOO_LARGE', 'BODY_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
}

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  if (declared !== null) {
    // The HTTP framing holds the body to its declared length, so the platform's reader is safe and fastest.
    return new Uint8Array(await request.arrayBuffer());
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
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

export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (declared !== null) return request.text();
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}
