// A refusal decided before the body is read (413 by declared length, 403 cross-site, 413 cut off
// mid-body) is answered at once, but the connection is not let go while the client is still
// sending: a server that closes a socket with unread bytes in it resets it (TCP RST), and the reset
// can overtake the answer, so the client sees a connection error instead of the typed refusal. So
// the answer's body stays open while the rest of the request body is read and thrown away, up to a
// bound in bytes and in time (as nginx's lingering close does); then the answer ends and the server
// closes or reuses the connection as usual. Web streams only, so it holds on every runtime.
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 2_000;

/** Readers left mid-body by a refusal (read-body.ts), so the drain goes on from where reading stopped. */
const stopped = new WeakMap<Request, ReadableStreamDefaultReader<Uint8Array>>();

export function stoppedReading(request: Request, reader: ReadableStreamDefaultReader<Uint8Array>): void {
  stopped.set(request, reader);
}

/**
 * Whether part of the request body is still unread (then an answer should wait for drainBody).
 * `bodyUsed` is asked first: after a whole read it settles the question without `request.body`,
 * which over @hono/node-server builds a web stream around the Node request.
 */
export function hasUnreadBody(request: Request): boolean {
  return stopped.has(request) || (!request.bodyUsed && request.body !== null);
}

/** Reads and drops what is left of the body, up to the bounds; never throws. */
export async function drainBody(request: Request): Promise<void> {
  let reader = stopped.get(request);
  stopped.delete(request);
  if (!reader) {
    if (!request.body || request.bodyUsed) return;
    reader = request.body.getReader();
  }
  const deadline = Date.now() + DRAIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DRAIN_MS);
  });
  try {
    for (let drained = 0; drained < DRAIN_BYTES && Date.now() < deadline;) {
      const step = await Promise.race([reader.read(), timeout]);
      if (step === 'timeout' || step.done) break;
      drained += step.value.byteLength;
    }
  } catch {
    // The client went away: nothing left to drain.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

/** A body of these bytes that ends only once the request body is drained. */
export function bodyAfterDrain(request: Request, bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
    },
    async pull(controller) {
      await drainBody(request);
      controller.close();
    },
  });
}
