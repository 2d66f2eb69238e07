// `npm run dev`: the Vite dev server (HMR) in front of the Hono app, reloaded from source per request.
import { startDevServer } from './dev-server.ts';
import { CONFIG, EXAMPLE, PORT } from './paths.ts';

const server = await startDevServer({ root: EXAMPLE, configFile: CONFIG }, PORT);
console.log(`Movies app (dev): ${server.url}`);
