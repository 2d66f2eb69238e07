// The plugin: wiring only. Options are resolved once; the transform filter comes from the compiler's
// detection table; the target comes from the option, else from Vite's environment; errors are handed
// to each bundler in the form it shows best. All the work is compile()'s.
import { type UnpluginFactory, createUnplugin } from 'unplugin';
import { CompileError, compile, type Target } from '../compiler/index.ts';
import { absoluteRoot, type Options, resolveOptions } from './options.ts';
import { reportCompileError } from './report-error.ts';

export type { Options } from './options.ts';

interface ViteEnvironmentContext {
  environment?: { config?: { consumer?: 'client' | 'server' } };
}

export const unpluginFactory: UnpluginFactory<Options | undefined> = (rawOptions, meta) => {
  const options = resolveOptions(rawOptions);
  let projectRoot = process.cwd();

  return {
    name: 'hono-preact-actions',
    enforce: 'pre',
    vite: {
      configResolved(config) {
        projectRoot = config.root;
      },
    },
    transform: {
      filter: { id: { include: options.include, exclude: options.exclude } },
      handler(code, id) {
        // Vite gives each environment (client, SSR, and their dev graphs) its own target.
        const consumer = (this as ViteEnvironmentContext).environment?.config?.consumer;
        const target: Target = options.target ?? consumer ?? 'client';
        try {
          return compile(code, {
            id,
            target,
            root: absoluteRoot(options.root, projectRoot),
            runtimeModules: options.runtimeModules,
          });
        } catch (error) {
          if (!(error instanceof CompileError)) throw error;
          return reportCompileError(this, error, meta.framework);
        }
      },
    },
  };
};

export const unplugin = createUnplugin(unpluginFactory);
export default unplugin;
