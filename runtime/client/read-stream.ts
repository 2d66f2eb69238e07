// A streamed result's reader (PROTOCOL.md, streaming), loaded only when an answer is an event stream:
// a page whose actions never stream does not ship it.
import type { WireError } from '../shared/wire.ts';

/**
 * Reads `event:`/`data:` blocks as they arrive: chunks go to onChunk at once. Returns at the `end` event
 * with nothing; returns the error an `error` event carries, or the cut-off stream's, for the caller to throw.
 */
export async function readStream(response: Response, onChunk?: (chunk: string) => void): Promise<WireError | void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { code: 'BAD_GATEWAY', status: 502, message: 'Stream cut off' };
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      let name = 'message';
      const data: string[] = [];
      for (const line of buffer.slice(0, end).split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
      }
      buffer = buffer.slice(end + 2);
      if (name === 'chunk') onChunk?.(data.join('\n'));
      else if (name === 'error') return JSON.parse(data.join('\n')).error;
      else if (name === 'end') return void reader.cancel();
    }
  }
}
