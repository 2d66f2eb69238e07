// hono-preact-actions: the isomorphic entry, safe to import from client and server code alike.
export type {
  ActionContext,
  ClientContext,
  LoaderContext,
  LoaderLocation,
  MiddlewareScope,
  PageContext,
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
export { type Cache, createCache, invalidateCaches } from './client/cache.ts';
export { ActionCallError } from './client/call.ts';
export { FieldError, Form, FormError, type FormProps } from './client/form.ts';
export { setNavigator } from './client/navigation.ts';
export { type UseActionOptions, type UseActionResult, useAction } from './client/use-action.ts';
export { type GetLoaderDataOptions, getLoaderData, type LoaderData, useFormResult } from './page-data.ts';
export { ActionError, type InputError, isActionError, isInputError } from './action-error.ts';
export type { InferInput, InferOutput, StandardSchemaV1 } from './shared/standard-schema.ts';
