// Vite bundles each Web Worker with `worker.plugins`, not `plugins`, so with `plugins: [hpa()]` alone a
// worker that imports a server module would get the module whole. The plugin therefore adds a fresh
// instance of itself to the worker plugins (Vite wants a new one per worker bundle), unless the user
// listed it there already.
import type { PluginOption, UserConfig } from 'vite';

export function coverWorkers(config: UserConfig, name: string, create: () => PluginOption): void {
  const worker = (config.worker ??= {});
  const own = worker.plugins as (() => PluginOption[]) | PluginOption[] | undefined;
  worker.plugins = () => {
    const listed = typeof own === 'function' ? own() : (own ?? []);
    return lists(listed, name) ? listed : [...listed, create()];
  };
}

function lists(plugins: readonly PluginOption[], name: string): boolean {
  return plugins.some((plugin) =>
    Array.isArray(plugin) ? lists(plugin, name) : (plugin as { name?: string } | null)?.name === name,
  );
}
