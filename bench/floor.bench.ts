// Our routes against hand-written Hono routes doing exactly the same work, in process with app.fetch:
// the same loader, component tree and embedded data for a page; the same JSON decode, call and encode
// for an action; the same 100 events for a stream. Each round sends one request of every variant, in an
// order rotated per round, and takes the ratio hand time / our time within the round, so the machine's
// busy moments hit both alike; the figure is the median of thousands of per-round ratios.
import { Hono } from 'hono';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  defineAction,
  defineApp,
  defineLoader,
  defineServerMiddleware,
  getLoaderData,
  type LoaderData,
} from '../runtime/index.ts';
import { actionsHandler, loadersHandler, renderPage } from '../runtime/server/index.ts';

const ROUNDS = Number(process.env.FLOOR_ROUNDS ?? 4000);
const CHUNKS = 100;

// The work both sides do.
const movies = Array.from({ length: 40 }, (_, i) => ({ id: i, title: `Movie number ${i}`, year: 1960 + i }));
const loadMovies = async () => ({ movies });
const add = async (payload: { a: number; b: number }) => ({ sum: payload.a + payload.b });
async function* ticks() {
  for (let i = 0; i < CHUNKS; i++) yield { i };
}

const noop = () => defineServerMiddleware(async (_ctx, next) => next());
const moviesModule = {
  default: defineLoader(loadMovies),
  serverActions: {
    add: defineAction(async (_ctx, payload: { a: number; b: number }) => add(payload)),
    ticks: defineAction(async () => ticks()),
  },
};
const layeredModule = { ...moviesModule, pageUse: [noop()], actionUse: [noop()] };

type Movies = Awaited<ReturnType<typeof loadMovies>>;
const MoviesView = ({ loaderData }: LoaderData<Movies>) =>
  h(
    'ul',
    null,
    loaderData.movies.map((movie) => h('li', { key: movie.id }, `${movie.title} (${movie.year})`)),
  );
const Page = getLoaderData(MoviesView, { serverLoader: moviesModule.default });
const Document = ({ children }: { children: preact.ComponentChildren }) =>
  h(
    'html',
    { lang: 'en' },
    h('head', null, h('meta', { charset: 'utf-8' }), h('title', null, 'Movies')),
    h('body', null, h('nav', null, h('a', { href: '/' }, 'Movies')), h('main', null, children)),
  );

const glob = { '/src/pages/movies.server.ts': moviesModule };
const options = { root: '/src/pages' };
const actions = actionsHandler(glob, options);
const loaders = loadersHandler(glob, options);
const layered = actionsHandler(
  { '/src/pages/movies.server.ts': layeredModule },
  { ...options, app: defineApp({ use: [noop()] }) },
);

const encoder = new TextEncoder();
const app = new Hono()
  .post('/__actions', actions)
  .post('/__loaders', loaders)
  .post('/layered/__actions', layered)
  .get('/page', (c) => renderPage(c, h(Document, null, h(Page, null)), { loaders, actions }))
  .post('/hand/action', async (c) => {
    const body = await c.req.json<{ payload: { a: number; b: number } }>();
    return c.json({ data: await add(body.payload) });
  })
  .get('/hand/page', async (c) => {
    const data = await loadMovies();
    const html = renderToString(h(Document, null, h(MoviesView, { loaderData: data })));
    const embedded = JSON.stringify({ path: c.req.path, data: { 'movies:default': data } }).replaceAll('<', '\\u003c');
    return c.html(
      `<!doctype html>${html.replace('</body>', `<script type="application/json" id="__hpa_data">${embedded}</script></body>`)}`,
    );
  })
  // Posted the same call as ours, the hand route reads it as any endpoint with a payload must (as the
  // hand action does), and sends the same headers, which are part of the answer's bytes.
  .post('/hand/stream', async (c) => {
    await c.req.json<{ payload: unknown }>();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for await (const chunk of ticks())
          controller.enqueue(encoder.encode(`event: chunk\ndata: ${JSON.stringify(chunk)}\n\n`));
        controller.enqueue(encoder.encode('event: end\ndata: \n\n'));
        controller.close();
      },
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  });

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
  body: JSON.stringify(body),
});
const addCall = { module: 'movies', action: 'add', payload: { a: 1, b: 2 } };
const ticksCall = { module: 'movies', action: 'ticks', payload: {} };

/** One request, read to its end: the time a client waits for the whole answer. */
async function timed(path: string, init?: RequestInit): Promise<number> {
  const start = performance.now();
  const response = await app.fetch(new Request(`http://localhost${path}`, init));
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - start;
}

const VARIANTS = {
  handAction: () => timed('/hand/action', json(addCall)),
  action: () => timed('/__actions', json(addCall)),
  layered: () => timed('/layered/__actions', json(addCall)),
  handPage: () => timed('/hand/page'),
  page: () => timed('/page'),
  handStream: () => timed('/hand/stream', json(ticksCall)),
  stream: () => timed('/__actions', json(ticksCall)),
};
type Variant = keyof typeof VARIANTS;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function runFloorBench(): Promise<boolean> {
  const names = Object.keys(VARIANTS) as Variant[];
  for (let i = 0; i < 300; i++) for (const name of names) await VARIANTS[name]();
  const ratios = { action: [] as number[], page: [] as number[], stream: [] as number[], layers: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const took = {} as Record<Variant, number>;
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as Variant;
      took[name] = await VARIANTS[name]();
    }
    ratios.action.push(took.handAction / took.action);
    ratios.page.push(took.handPage / took.page);
    ratios.stream.push(took.handStream / took.stream);
    ratios.layers.push(took.layered / took.action - 1);
  }
  const lines: [string, number, string, boolean][] = [
    ['page render, renderPage vs hand route', median(ratios.page), '>= 0.95', median(ratios.page) >= 0.95],
    ['/__actions JSON call vs hand route', median(ratios.action), '>= 0.95', median(ratios.action) >= 0.95],
    ['3 no-op middleware layers, cost', median(ratios.layers), '<= 5%', median(ratios.layers) <= 0.05],
    [
      `streamed action, ${CHUNKS} chunks, vs a raw SSE route`,
      median(ratios.stream),
      '>= 0.95',
      median(ratios.stream) >= 0.95,
    ],
  ];
  console.log(
    `\nIn process (app.fetch), against hand-written Hono routes doing the same work: ${ROUNDS} rounds, one request of each variant per round, order rotated; medians of per-round ratios (hand time / our time)`,
  );
  for (const [label, value, goal, ok] of lines) {
    const shown = goal.endsWith('%') ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
    console.log(`${label.padEnd(52)} ${shown.padStart(7)}   goal ${goal} ${ok ? 'ok' : 'MISSED'}`);
  }
  return lines.every(([, , , ok]) => ok);
}
