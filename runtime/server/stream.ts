// Streamed results: a ReadableStream or an async iterable becomes `text/event-stream`, one `chunk`
// event per chunk, then `end`, or `error` if it fails midway. Pull-based, so a slow client slows the
// producer (which runs at most READ_AHEAD bytes ahead of it); a client that leaves cancels the body,
// which aborts the unit's signal and stops the producer. Observers see every step; one that throws is
// logged and the rest go on.
import type { Context } from 'hono';
import type { StreamObserverCallbacks } from '../middleware.ts';
import { STREAM_EVENTS, type WireError } from '../shared/wire.ts';

export function isStreamResult(value: unknown): value is ReadableStream | AsyncIterable<unknown> {
  if (value instanceof ReadableStream) return true;
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

type Observers = readonly StreamObserverCallbacks<unknown>[];

export interface StreamOptions {
  observers: Observers;
  ctx: unknown;
  /**
   * The unit's signal, asked for only when needed: most producers never read it, and a controller tied
   * to the request's signal per stream is measurable against a hand-written route.
   */
  abort: { abort(reason: unknown): void; readonly aborted: boolean };
  /** Turns a mid-stream failure into the error sent to the client (logged and redacted as elsewhere). */
  toWireError(error: unknown): WireError;
  /** Told of an observer that threw; the stream goes on regardless. */
  onObserverError(error: unknown, callback: string): void;
}

const encoder = new TextEncoder();

/** How far the producer may run ahead of the client, in encoded bytes: Node's own default for a stream. */
const READ_AHEAD: QueuingStrategy<Uint8Array> = { highWaterMark: 16 * 1024, size: (chunk) => chunk.byteLength };

/** One event's text: every line of `data` gets its own `data:` field (an empty line is a bare `data:`). */
function frame(name: string, data: string): string {
  if (data === '') return `event: ${name}\ndata:\n\n`;
  if (!data.includes('\n')) return `event: ${name}\ndata: ${data}\n\n`;
  const lines = data.split('\n').map((line) => (line === '' ? 'data:' : `data: ${line}`));
  return `event: ${name}\n${lines.join('\n')}\n\n`;
}

const CHUNK_LINE = `event: ${STREAM_EVENTS.chunk}\ndata: `;

/** A chunk's event: a value goes as JSON, which has no raw newline, so only text is looked through. */
function chunkFrame(chunk: unknown, decoder: () => TextDecoder): string {
  if (typeof chunk === 'string') return frame(STREAM_EVENTS.chunk, chunk);
  if (chunk instanceof Uint8Array) return frame(STREAM_EVENTS.chunk, decoder().decode(chunk, { stream: true }));
  const json = JSON.stringify(chunk);
  return json ? `${CHUNK_LINE}${json}\n\n` : frame(STREAM_EVENTS.chunk, '');
}

/** The largest slab frames are encoded into; a frame that may not fit one is encoded on its own. */
const SLAB_BYTES = 16 * 1024;

/**
 * Encodes a stream's frames one after another into a slab of memory, each frame a view of it: one
 * new buffer per slab instead of one per frame, whose allocation is most of what encoding a small
 * event costs. A view is never written again once handed out, so a client may keep it; chunks are
 * views of shared memory as Node's own Buffers are. The first slab is small, for a short stream; each
 * next one larger, up to SLAB_BYTES. A slab a consumer detached (by transferring it) reads as full.
 */
function frameEncoder(): (text: string) => Uint8Array {
  let slab = new Uint8Array(0);
  let used = 0;
  return (text) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (most > slab.byteLength - used) {
      if (most > SLAB_BYTES) return encoder.encode(text);
      slab = new Uint8Array(Math.min(SLAB_BYTES, Math.max(1024, slab.byteLength * 4)));
      used = 0;
    }
    const { written } = encoder.encodeInto(text, slab.subarray(used));
    const view = slab.subarray(used, used + written);
    used += written;
    return view;
  };
}

export function streamResponse(c: Context, source: ReadableStream | AsyncIterable<unknown>, options: StreamOptions) {
  const { observers, ctx, abort } = options;
  const notify = <K extends keyof StreamObserverCallbacks<unknown>>(
    name: K,
    ...args: Parameters<NonNullable<StreamObserverCallbacks<unknown>[K]>>
  ): void => {
    for (const observer of observers) {
      try {
        (observer[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
      } catch (error) {
        options.onObserverError(error, name);
      }
    }
  };
  const iterator: AsyncIterator<unknown> =
    source instanceof ReadableStream ? readerIterator(source) : source[Symbol.asyncIterator]();
  let textDecoder: TextDecoder | undefined;
  const decoder = () => (textDecoder ??= new TextDecoder());
  const encode = frameEncoder();
  let index = 0;
  let finished = false;

  const body = new ReadableStream<Uint8Array>(
    {
      start() {
        notify('onStart', ctx);
      },
      async pull(controller) {
        try {
          // One pull fills the queue up to its high-water mark rather than one chunk per pull: the
          // usual small chunk then costs a step of the producer and an enqueue, as in a hand-written
          // stream, while a client that stops reading still stops the producer once the queue is full.
          do {
            const step = await iterator.next();
            if (finished) return;
            if (step.done) {
              finished = true;
              notify('onEnd', ctx, { chunks: index, result: step.value });
              controller.enqueue(encode(frame(STREAM_EVENTS.end, '')));
              controller.close();
              return;
            }
            const chunk = step.value;
            if (observers.length > 0) notify('onChunk', ctx, chunk, index);
            index++;
            controller.enqueue(encode(chunkFrame(chunk, decoder)));
          } while ((controller.desiredSize ?? 0) > 0);
        } catch (error) {
          if (finished) return;
          finished = true;
          if (abort.aborted) return;
          notify('onError', ctx, error, { chunks: index });
          controller.enqueue(encode(frame(STREAM_EVENTS.error, JSON.stringify({ error: options.toWireError(error) }))));
          controller.close();
        }
      },
      async cancel(reason) {
        if (finished) return;
        finished = true;
        abort.abort(reason ?? new DOMException('The client went away.', 'AbortError'));
        notify('onAbort', ctx, { chunks: index });
        await iterator.return?.().catch(() => {});
      },
    },
    READ_AHEAD,
  );

  return c.body(body, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
  });
}

function readerIterator(stream: ReadableStream): AsyncIterator<unknown> {
  const reader = stream.getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<unknown>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}
