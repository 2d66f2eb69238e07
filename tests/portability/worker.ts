// The workerd entry: bundled by esbuild into one module.
import { app } from './app.ts';

export default { fetch: app.fetch };
