// Re-exports the factories but is not listed in `runtimeModules`.
export { defineServerMiddleware } from 'hono-preact-actions';
