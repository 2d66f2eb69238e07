import type { Plugin } from 'rolldown';
import { unplugin } from './index.ts';
import type { Options } from './options.ts';

// Typed by Rolldown's own plugin type, so the declarations never name unplugin's (whose types import every
// bundler), however the compiler that emits them resolves unplugin's.
const hpa: (options?: Options) => Plugin | Plugin[] = unplugin.rolldown;
export default hpa;
