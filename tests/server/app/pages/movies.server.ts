// The movies module of the protocol examples and the content-type, error and streaming tests.
import {
  ActionGuardError,
  defineAction,
  defineActionGuard,
  defineLoader,
  defineServerMiddleware,
  defineStreamObserver,
  deny,
  redirect,
} from '../../../../runtime/index.ts';
import { journal } from '../journal.ts';

const movies: string[] = ['Alien'];

export default defineLoader(async () => {
  journal.loaderCalls++;
  return { movies: [...movies] };
});

const setsCookie = defineServerMiddleware(async (ctx, next) => {
  ctx.c.header('Set-Cookie', 'seen=1; Path=/; HttpOnly', { append: true });
  ctx.c.header('X-Timing', 'on');
  await next();
});

const observer = defineStreamObserver({
  onStart: () => journal.observed.push('start'),
  onChunk: (_ctx, _chunk, index) => {
    if (index === 0) journal.observed.push('chunk:0');
  },
  onEnd: (_ctx, { chunks }) => journal.observed.push(`end:${chunks}`),
  onError: (_ctx, error, { chunks }) => journal.observed.push(`error:${chunks}:${(error as Error).message}`),
  onAbort: (_ctx, { chunks }) => journal.observed.push(`abort:${chunks > 0}`),
});

const throwingObserver = defineStreamObserver({
  onChunk: () => {
    throw new Error('observer failure');
  },
});

export const actionUse = [setsCookie];

export const actionGuards = [
  defineActionGuard(async ({ c, action }, next) => {
    if (action === 'remove' && c.req.header('Authorization') !== 'Bearer letmein') {
      throw new ActionGuardError('Authentication required', 401);
    }
    return next();
  }),
];

export const serverActions = {
  add: defineAction<{ title: string }, { ok: boolean; title: string; count: number }>(async (_ctx, payload) => {
    journal.unitCalls++;
    movies.push(payload.title);
    return { ok: true, title: payload.title, count: movies.length };
  }),
  echo: defineAction(async (_ctx, payload: unknown) => {
    journal.unitCalls++;
    return { payload, prototypeIsClean: Object.getPrototypeOf(payload ?? {}) === Object.prototype };
  }),
  remove: defineAction(async (_ctx, payload: { title: string }) => {
    journal.unitCalls++;
    return { removed: payload.title };
  }),
  upload: defineAction(
    async (_ctx, payload: unknown) => {
      journal.unitCalls++;
      return describeFiles(payload);
    },
    { bodyLimit: 8 * 1024 * 1024 },
  ),
  crash: defineAction(async () => {
    journal.unitCalls++;
    throw new Error('database password is hunter2');
  }),
  forbid: defineAction(async (_ctx, payload: { status: number }) => {
    journal.unitCalls++;
    throw deny(payload.status, `denied with ${payload.status}`);
  }),
  leave: defineAction(async () => {
    journal.unitCalls++;
    throw redirect('/elsewhere', 303);
  }),
  count: defineAction(
    async () => {
      journal.unitCalls++;
      return new ReadableStream<Uint8Array>({
        start(controller) {
          const encoder = new TextEncoder();
          for (let i = 1; i <= 1000; i++) controller.enqueue(encoder.encode(JSON.stringify({ count: i })));
          controller.close();
        },
      });
    },
    { use: [observer, throwingObserver] },
  ),
  rich: defineAction(async () => {
    journal.unitCalls++;
    const shared = { name: 'shared' };
    return {
      when: new Date(Date.UTC(2026, 10, 21)),
      index: new Map([['dune', 1965]]),
      tags: new Set(['sf']),
      big: 12345678901234567890n,
      home: new URL('https://example.dev/movies'),
      missing: undefined,
      first: shared,
      second: shared,
    };
  }),
  describeRich: defineAction(async (_ctx, payload: Record<string, unknown>) => {
    journal.unitCalls++;
    return Object.fromEntries(
      Object.entries(payload).map(([key, value]) => [
        key,
        value === undefined ? 'undefined' : ((value as object).constructor?.name ?? typeof value),
      ]),
    );
  }),
  countTo: defineAction(async function* (_ctx, payload: { to: number }) {
    journal.unitCalls++;
    for (let i = 1; i <= payload.to; i++) yield { count: i };
  }),
  slow: defineAction(async (ctx, payload: { ms: number }) => {
    journal.unitCalls++;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, payload.ms);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        journal.aborted.push('slow action saw abort');
        resolve();
      });
    });
    return { waited: payload.ms };
  }),
  failMidway: defineAction(
    async function* () {
      journal.unitCalls++;
      yield 'first';
      yield 'second';
      throw new Error('stream broke after two chunks');
    },
    { use: [observer] },
  ),
  forever: defineAction(
    async (ctx) => {
      journal.unitCalls++;
      const signal = ctx.signal;
      return (async function* () {
        try {
          for (let i = 0; !signal.aborted; i++) {
            yield `tick ${i}`;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        } finally {
          journal.aborted.push(signal.aborted ? 'producer saw abort' : 'producer stopped without abort');
        }
      })();
    },
    { use: [observer] },
  ),
};

function describeFiles(value: unknown): unknown {
  if (value instanceof File) return { file: value.name, size: value.size, type: value.type };
  if (Array.isArray(value)) return value.map(describeFiles);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, describeFiles(inner)]));
  }
  return value;
}
