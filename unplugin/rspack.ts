import type { RspackPluginInstance } from '@rspack/core';
import { unplugin } from './index.ts';
import type { Options } from './options.ts';

// Typed by Rspack's own plugin type, so a user's tsc never loads unplugin's types (which name every bundler).
const hpa: (options?: Options) => RspackPluginInstance = unplugin.rspack;
export default hpa;
