// hono-preact-actions: the isomorphic entry, safe to import from client and server code alike.
export type {
  ActionContext,
  ClientContext,
  LoaderContext,
  LoaderLocation,
  MiddlewareScope,
  ServerContext,
} from './context.ts';
export {
  type Action,
  type ActionFn,
  type AppConfig,
  defineAction,
  defineActionGuard,
  defineApp,
  defineLoader,
  type GuardContext,
  type Loader,
  type LoaderFn,
  type LoaderUnit,
  type UnitOptions,
} from './define.ts';
export {
  defineClientMiddleware,
  defineServerMiddleware,
  defineStreamObserver,
  type Middleware,
  type MiddlewareFn,
  type Next,
  type Side,
  type StreamObserver,
  type StreamObserverCallbacks,
  type Use,
  type UseEntry,
} from './middleware.ts';
export { ActionGuardError, type Deny, deny, type Outcome, type Redirect, redirect } from './outcomes.ts';
