// The README's pattern: the app's own module re-exporting the factories, listed in `runtimeModules`
// as `@/lib/actions`; its importers may spell it any way that resolves to this file.
export { defineClientMiddleware, defineServerMiddleware } from 'hono-preact-actions';
