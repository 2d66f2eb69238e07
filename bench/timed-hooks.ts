// Our Vite plugins with the time spent in their hooks added up: the direct measure of what the plugin
// costs a build or a dev server, where a null plugin is no fair baseline (it lets the server modules
// into the client's module graph, so that side does more work, not less).
import type { Plugin, PluginOption } from 'vite';

/** `plugins` with each resolveId, load and transform hook timed into `spent.ms` (async hooks until they settle). */
export function timedHooks(plugins: PluginOption, spent: { ms: number }): Plugin[] {
  const time = <A extends unknown[], R>(hook: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      const start = performance.now();
      const result = hook.apply(this, args);
      if (!(result instanceof Promise)) {
        spent.ms += performance.now() - start;
        return result;
      }
      return result.finally(() => (spent.ms += performance.now() - start)) as R;
    };
  const wrap = (plugin: Plugin): Plugin => {
    const timed: Plugin = { ...plugin };
    for (const name of ['resolveId', 'load', 'transform'] as const) {
      const hook = plugin[name] as unknown;
      const slot = timed as unknown as Record<string, unknown>;
      if (typeof hook === 'function') slot[name] = time(hook as () => unknown);
      else if (hook && typeof hook === 'object' && 'handler' in hook)
        slot[name] = { ...hook, handler: time(hook.handler as () => unknown) };
    }
    return timed;
  };
  return ([plugins].flat(Infinity as 1) as Plugin[]).filter(Boolean).map(wrap);
}
