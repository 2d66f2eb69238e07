// Our routes against hand-written Hono routes doing exactly the same work, in process with app.fetch:
// the same loader, component tree and embedded data for a page; the same JSON decode, call and encode
// for an action; the same 100 events for a stream. Each round sends one request of every variant, in an
// order shuffled per round, and takes the ratio hand time / our time within the round, so the machine's
// busy moments hit both alike; the figure is the median of thousands of per-round ratios.
// Shuffled, not rotated: a request runs faster right after one like it (warm caches), and a rotation
// keeps every variant behind the same neighbour, which moved ratios by 10-40%. A control prints the
// method's own error: our action route against itself, sent twice a round, whose true cost is 0.
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
// The same shape on both sides (empty rings here, a no-op each there), so the layer figure is the layers'
// cost alone: objects of two shapes through the same handler code make it slower for both.
const plainModule = { ...moviesModule, pageUse: [], actionUse: [] };
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

const glob = { '/src/pages/movies.server.ts': plainModule };
const options = { root: '/src/pages' };
const actions = actionsHandler(glob, { ...options, app: defineApp({ use: [] }) });
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
  // The control: the same request as `action`, a second time each round.
  actionAgain: () => timed('/__actions', json(addCall)),
  handPage: () => timed('/hand/page'),
  page: () => timed('/page'),
  handStream: () => timed('/hand/stream', json(ticksCall)),
  stream: () => timed('/__actions', json(ticksCall)),
};
type Variant = keyof typeof VARIANTS;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** A seeded generator (mulberry32), so a run's orders can be repeated. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

export async function runFloorBench(): Promise<boolean> {
  const names = Object.keys(VARIANTS) as Variant[];
  for (let i = 0; i < 300; i++) for (const name of names) await VARIANTS[name]();
  const ratios = { action: [] as number[], page: [] as number[], stream: [] as number[], layers: [] as number[] };
  const control: number[] = [];
  const random = seeded(Number(process.env.FLOOR_SEED ?? 1));
  for (let round = 0; round < ROUNDS; round++) {
    const took = {} as Record<Variant, number>;
    for (const name of shuffled(names, random)) took[name] = await VARIANTS[name]();
    control.push(took.actionAgain / took.action - 1);
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
    `\nIn process (app.fetch), against hand-written Hono routes doing the same work: ${ROUNDS} rounds, one request of each variant per round, order shuffled; medians of per-round ratios (hand time / our time)`,
  );
  for (const [label, value, goal, ok] of lines) {
    const shown = goal.endsWith('%') ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
    console.log(`${label.padEnd(52)} ${shown.padStart(7)}   goal ${goal} ${ok ? 'ok' : 'MISSED'}`);
  }
  const error = median(control);
  console.log(
    `${'control: the action route against itself'.padEnd(52)} ${`${(error * 100).toFixed(1)}%`.padStart(7)}   (the method's own error; 0 is exact)`,
  );
  return lines.every(([, , , ok]) => ok);
}
