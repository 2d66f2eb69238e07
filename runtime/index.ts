// hono-preact-actions: the isomorphic entry, safe to import from client and server code alike.
export {
  defineClientMiddleware,
  defineServerMiddleware,
  defineStreamObserver,
  type Middleware,
  type MiddlewareFn,
  type MiddlewareScope,
  type Next,
  type Side,
  type StreamObserver,
  type StreamObserverCallbacks,
  type UseEntry,
} from './middleware.ts';
