// Vite bundles Web Workers with `worker.plugins`: the plugin adds a fresh instance of itself there,
// whatever the user wrote, and never a second one when the user listed it already.
import { describe, expect, it } from 'vitest';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import hpaVite from '../../unplugin/vite.ts';

const NAME = 'hono-preact-actions';

/** The worker plugins Vite would get from the config after the plugin's `config` hook ran. */
function workerPluginsAfterHook(config: UserConfig): Plugin[] {
  const plugin = ([hpaVite()] as unknown[]).flat(3)[0] as Plugin;
  const hook = plugin.config as (config: UserConfig, env: unknown) => void;
  hook(config, { command: 'build', mode: 'production' });
  const create = config.worker?.plugins as () => PluginOption[];
  return (create() as unknown[]).flat(3) as Plugin[];
}

describe('the plugin in worker bundles', () => {
  it('adds itself to worker.plugins when the user set none, a new instance each time', () => {
    const config: UserConfig = {};
    const first = workerPluginsAfterHook(config);
    expect(first.map((p) => p.name)).toEqual([NAME]);
    const again = (config.worker?.plugins as () => PluginOption[])() as Plugin[];
    expect(again[0]).not.toBe(first[0]);
  });

  it('keeps the user worker plugins, in a function or the old array form, and adds itself after them', () => {
    const other: Plugin = { name: 'other' };
    expect(workerPluginsAfterHook({ worker: { plugins: () => [other] } }).map((p) => p.name)).toEqual(['other', NAME]);
    const legacy = { worker: { plugins: [other] } } as unknown as UserConfig;
    expect(workerPluginsAfterHook(legacy).map((p) => p.name)).toEqual(['other', NAME]);
  });

  it('adds no second instance when the user listed it', () => {
    const config: UserConfig = { worker: { plugins: () => [[hpaVite()]] } };
    expect(workerPluginsAfterHook(config).map((p) => p.name)).toEqual([NAME]);
  });
});
