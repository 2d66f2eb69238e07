// A streaming action posted from a form without JavaScript: there is no script to show chunks as
// they come, so the stream is read to its end without being kept (memory stays bounded whatever the
// producer does) and the page is told how it ended: the last chunk as the result's data, or the
// error event's error. A client that leaves stops the reading, which aborts the action's signal.
import type { FormResult } from '../shared/wire.ts';

/** What a page can carry of the last chunk (the result travels in a cookie of about 4 KB). */
const KEPT_CHUNK_CHARS = 2048;
/** An event longer than this is counted but not looked into. */
const EVENT_CAP = 64 * 1024;

type StreamAnswer = Pick<FormResult, 'data' | 'error'>;

export function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

export async function readStreamOutcome(response: Response, signal: AbortSignal): Promise<StreamAnswer> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const stop = () => void reader.cancel(new DOMException('The client went away.', 'AbortError')).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  let overflowed = false;
  let last: string | undefined;
  try {
    for (let turn = Date.now(); ;) {
      // A producer that never waits would hold the event loop in promise jobs: let the rest of the server in.
      if (Date.now() - turn > 10) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        turn = Date.now();
      }
      const { done, value } = await reader.read();
      if (done) return { data: parseChunk(last) };
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        const data = overflowed ? undefined : event.data;
        overflowed = false;
        if (event.name === 'chunk') last = data !== undefined && data.length <= KEPT_CHUNK_CHARS ? data : undefined;
        else if (event.name === 'error') return { error: JSON.parse(data ?? '{}').error };
        else if (event.name === 'end') return { data: parseChunk(last) };
      }
      if (buffer.length > EVENT_CAP) {
        // One huge event: keep its first line (the event's name), drop its data.
        buffer = buffer.slice(0, buffer.indexOf('\n') + 1 || 64);
        overflowed = true;
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
    reader.cancel().catch(() => {});
  }
}

function parseEvent(block: string): { name: string; data?: string } {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
  }
  return { name, data: data.join('\n') };
}

function parseChunk(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
