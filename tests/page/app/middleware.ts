// The rings of seed 004's listings, each declared once and shared by a page (definePage) and its
// server module (pageUse), as the seed recommends; and the seed's requireSession pair.
import {
  defineAction,
  defineClientMiddleware,
  defineServerMiddleware,
  defineStreamObserver,
  redirect,
} from '../../../runtime/index.ts';
import { render } from '../../../runtime/page/index.ts';
import { journal } from '../../server/app/journal.ts';
import { ring } from '../../server/app/rings.ts';
import { JoinPage } from './join.ts';

export const pageRing = [ring('page')];
export const adminRing = [ring('admin')];
export const auditRing = [ring('audit')];
export const unitRing = [ring('unit')];

const hasCookie = (cookie: string | undefined, name: string) => new RegExp(`(?:^|;\\s*)${name}=yes`).test(cookie ?? '');

export const requireSession = [
  defineServerMiddleware(async (ctx, next) => {
    if (!hasCookie(ctx.c.req.header('cookie'), 'session')) throw redirect('/login');
    await next();
  }),
  defineClientMiddleware(async (_ctx, next) => {
    if (!hasCookie(document.cookie, 'session')) throw redirect('/login');
    await next();
  }),
];

export const membersOnly = defineServerMiddleware<'page'>(async (ctx, next) => {
  if (!hasCookie(ctx.c.req.header('cookie'), 'member')) throw render(JoinPage);
  await next();
});

/** Watches every stream under /admin: a layout's pageUse observer sees its leaves' streams. */
export const adminStreams = defineStreamObserver({
  onChunk: (_ctx, chunk) => journal.observed.push(`admin saw ${String(chunk)}`),
  onEnd: (_ctx, { chunks }) => journal.observed.push(`admin saw the end after ${chunks}`),
});

/** An action inside the unit ring that logs `inner`: the centre of seed 004's listings. */
export const runInner = () =>
  defineAction(
    async () => {
      journal.log.push('inner');
      return 'ran';
    },
    { use: unitRing },
  );
