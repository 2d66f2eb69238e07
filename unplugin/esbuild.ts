import type { Plugin } from 'esbuild';
import { unplugin } from './index.ts';
import type { Options } from './options.ts';

// Typed by esbuild's own plugin type, so the declarations never name unplugin's (whose types import every
// bundler), however the compiler that emits them resolves unplugin's.
const hpa: (options?: Options) => Plugin = unplugin.esbuild;
export default hpa;
