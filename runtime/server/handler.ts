// One handler for both endpoints: check the origin, name the unit, read the body under its limit,
// run the chain, answer with data, a stream, an outcome or an error. Every refusal happens before
// the unit runs, and every answer goes through Hono's context so headers set by middleware survive.
import { stringify } from 'devalue';
import type { Context } from 'hono';
import type { LoaderLocation } from '../context.ts';
import type { AppConfig } from '../define.ts';
import { paramsAt, type RouteTable } from '../page/routes.ts';
import { needsRichEncoding } from './rich-values.ts';
import { fieldsOf, type StandardSchemaV1 } from '../shared/standard-schema.ts';
import { ACTION_PARAM, LOADER_PARAM, MODULE_PARAM } from '../shared/wire.ts';
import { ABORTED, ActionCallContext, CONTROLLER, LoaderCallContext } from './call-context.ts';
import { flattenRings, type Rings, runChain } from './chain.ts';
import { type FormEntries, formPayload, jsonSchemaOf, toFormData, wantsFormData } from './coerce-form.ts';
import {
  PAGE_RUNNER,
  type PageLoaderRunner,
  registerFormActions,
  registerPageLoaders,
  type UnitHandler,
} from './page-loaders.ts';
import { decodeCall, toLocation, type UnitKind } from './decode-call.ts';
import { WireFailure } from './failure.ts';
import { createFailureAnswers, type FailureOptions, type NamedUnit } from './failure-answers.ts';
import { createOriginCheck, type OriginOptions } from './origin.ts';
import { createRegistry, type ServerModuleGlob } from './registry.ts';
import { createUnitResolver, type Resolved } from './resolve-unit.ts';
import { createRouteIndex } from './route-index.ts';
import { isStreamResult, streamResponse } from './stream.ts';

export interface HandlerOptions extends OriginOptions, FailureOptions {
  /** The outermost ring: `defineApp({ use })`, usually default-exported from src/app-config.ts. */
  app?: AppConfig;
  /**
   * The app's routes (defineRoutes): a call to a route's server module then also runs the pageUse of
   * every route gating it, outermost first, and a loader's `location.params` are the route's.
   */
  routes?: RouteTable;
  /** The server modules' root as the glob keys spell it (`/src/pages`, `./pages`); the plugin's `root` must name the same folder. */
  root?: string;
  /** Bytes a request body may have (default 1 MiB); `defineAction(fn, { bodyLimit })` overrides it per action. */
  bodyLimit?: number;
  /** Fields a form body may have (default 1,000). */
  maxFields?: number;
}

/** A form's payload: the FormData itself for a schema that asks for one, else its fields coerced. */
function formInput(entries: FormEntries, schema: ReturnType<typeof jsonSchemaOf>): unknown {
  return wantsFormData(schema) ? toFormData(entries) : formPayload(entries, schema);
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_FIELDS = 1000;
export function createUnitHandler(kind: UnitKind, glob: ServerModuleGlob, options: HandlerOptions = {}) {
  const owner = kind === 'action' ? 'actionsHandler' : 'loadersHandler';
  const registry = createRegistry(glob, options.root, owner);
  const routeIndex = options.routes ? createRouteIndex(options.routes, registry, owner, options.app) : undefined;
  const originCheck = createOriginCheck(options);
  const defaultLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  const unitParam = kind === 'action' ? ACTION_PARAM : LOADER_PARAM;
  const { answerFailure, logObserverError, refuseOrigin, toWireError } = createFailureAnswers(kind, unitParam, options);
  const ringsCache = new WeakMap<object, Rings>();
  const resolve = createUnitResolver(kind, registry, routeIndex);
  const formSchemas = new WeakMap<object, ReturnType<typeof jsonSchemaOf>>();
  /** The unit's input schema as JSON Schema, converted once: what a form's fields are coerced by. */
  const formSchemaOf = (resolved: Resolved) => {
    if (!formSchemas.has(resolved.unit)) formSchemas.set(resolved.unit, jsonSchemaOf(resolved.unit.options?.input));
    return formSchemas.get(resolved.unit) ?? null;
  };

  const ringsFor = (resolved: Resolved): Rings => {
    let rings = ringsCache.get(resolved.unit);
    if (!rings) {
      const { module } = resolved;
      // The page layer: the pageUse of the routes gating this module's route, outermost first, then its own.
      const page = [routeIndex?.outerPageUse(module), module.pageUse];
      rings = flattenRings(
        kind === 'action'
          ? [options.app?.use, ...page, module.actionUse, module.actionGuards, resolved.unit.options?.use]
          : [options.app?.use, ...page, module.loaderUse, module.serverGuards, resolved.unit.options?.use],
        `${resolved.entry.path} (${kind} ${resolved.name})`,
      );
      ringsCache.set(resolved.unit, rings);
    }
    return rings;
  };

  /**
   * Runs a unit inside its rings (or alone when it has none), for an RPC call and a page render alike;
   * a page render skips the middleware its page chain already runs around it.
   * Not async: with no middleware the unit's own value or promise is returned as is, one promise fewer.
   */
  const invoke = (
    resolved: Resolved,
    ctx: ActionCallContext | LoaderCallContext,
    skip?: ReadonlySet<unknown>,
  ): unknown => {
    const unit = resolved.unit as (ctx: unknown, payload?: unknown) => unknown;
    const schema = resolved.unit.options?.input;
    // Validation is the innermost step: guards answer first, so a refused caller learns nothing of the schema.
    const inner =
      ctx.scope !== 'action'
        ? () => unit(ctx)
        : schema
          ? async () => unit(ctx, await validateInput(schema, ctx.payload))
          : () => unit(ctx, ctx.payload);
    let { middleware } = ringsFor(resolved);
    if (skip) middleware = middleware.filter((fn) => !skip.has(fn));
    return middleware.length === 0 ? inner() : runChainOrFail(middleware, ctx, inner);
  };

  /** A route's module's loader sees the route's parameters, read from the path by the server. */
  const locationFor = (resolved: Resolved, location: LoaderLocation): LoaderLocation => {
    const node = routeIndex?.nodeOf(resolved.module);
    if (!node) return location;
    return { ...location, params: paramsAt(node, location.path) ?? {} };
  };

  const pageRunner: PageLoaderRunner | undefined =
    kind === 'loader'
      ? {
          registry,
          app: options.app,
          routeIndex,
          hostRefusal: originCheck.hostRefusal,
          allowedRedirects: options.allowedRedirects,
          // Not async: once the module is loaded, the loader's own value or promise is returned as it is.
          run: (c, key, name, location, skip) => {
            const runResolved = (resolved: Resolved) =>
              invoke(resolved, new LoaderCallContext(c, key, name, locationFor(resolved, location)), skip);
            const found = resolve(key, name);
            return found instanceof Promise ? found.then(runResolved) : runResolved(found);
          },
        }
      : undefined;
  if (pageRunner) registerPageLoaders(pageRunner);

  const handle = async (c: Context): Promise<Response> => {
    const request = c.req.raw;
    let ctx: ActionCallContext | LoaderCallContext | undefined;
    // The unit the request names, before it is resolved: what a failure to load its module is logged as.
    let named: NamedUnit = {};
    try {
      if (request.method !== 'POST') {
        throw new WireFailure('METHOD_NOT_SUPPORTED', 'METHOD', `Use POST; ${request.method} is not supported here.`);
      }
      const refusal = originCheck.refusal(request);
      if (refusal) {
        const refused = await refuseOrigin(c, refusal);
        if (refused) return refused;
      }

      // Named in the URL, the unit is resolved before the body is read, so its own limit applies.
      let resolved: Resolved | undefined;
      if (request.url.includes('?')) {
        const queryModule = c.req.query(MODULE_PARAM);
        const queryUnit = c.req.query(unitParam);
        named = { module: queryModule, unit: queryUnit };
        if (queryModule !== undefined || queryUnit !== undefined) {
          const found = resolve(queryModule, queryUnit);
          resolved = found instanceof Promise ? await found : found;
        }
      }

      const call = await decodeCall(request, kind, {
        bodyLimit: resolved?.unit.options?.bodyLimit ?? defaultLimit,
        urlencodedLimit: defaultLimit,
        maxFields,
      });
      if (resolved) {
        if (
          (call.module !== undefined && call.module !== resolved.entry.key) ||
          (call.unit !== undefined && call.unit !== resolved.name)
        ) {
          throw new WireFailure('BAD_REQUEST', 'IDENTITY_MISMATCH', 'The body names another unit than the URL.');
        }
      } else if (call.fromForm) {
        throw new WireFailure(
          'BAD_REQUEST',
          'MISSING_FIELD',
          `A plain form must name the unit in the URL, e.g. ?${MODULE_PARAM}=movies&${unitParam}=add.`,
        );
      } else {
        named = {
          module: typeof call.module === 'string' ? call.module : undefined,
          unit: typeof call.unit === 'string' ? call.unit : undefined,
        };
        // Awaited only the first time, while its module loads: a call after that pays no promise for it.
        const found = resolve(call.module, call.unit);
        resolved = found instanceof Promise ? await found : found;
        // Named only in the body, the unit's own limit is checked once it is known: a raised limit
        // needs the unit in the URL (the body was read under the handler's), a lowered one holds here.
        const unitLimit = resolved.unit.options?.bodyLimit;
        if (unitLimit !== undefined && call.bytes > unitLimit) {
          throw new WireFailure(
            'PAYLOAD_TOO_LARGE',
            'BODY_TOO_LARGE',
            `The request body is larger than ${unitLimit} bytes.`,
          );
        }
      }

      // A form's fields become the payload by the action's schema (coerce-form.ts), or as sent.
      const input = call.fromForm ? formInput(call.input as FormEntries, formSchemaOf(resolved)) : call.input;
      const callCtx =
        kind === 'action'
          ? new ActionCallContext(c, resolved.entry.key, resolved.name, input)
          : new LoaderCallContext(c, resolved.entry.key, resolved.name, locationFor(resolved, toLocation(input)));
      ctx = callCtx;
      const result = await invoke(resolved, callCtx);
      if (isStreamResult(result)) {
        return streamResponse(c, result, {
          observers: ringsFor(resolved).observers,
          ctx: callCtx,
          abort: {
            abort: (reason) => callCtx[CONTROLLER]().abort(reason),
            get aborted() {
              return callCtx[ABORTED]();
            },
          },
          toWireError: (error) => toWireError(error, callCtx),
          onObserverError: (error, callback) =>
            logObserverError(error, {
              requestId: callCtx.requestId,
              module: callCtx.module,
              unit: resolved.name,
              callback,
            }),
        });
      }
      // Plain JSON when it carries the result as it is; devalue when it would not (a Date, a Map, …).
      return c.json(
        result !== undefined && needsRichEncoding(result) ? { devalue: stringify(result) } : { data: result },
      );
    } catch (error) {
      return answerFailure(c, error, ctx ?? named);
    }
  };

  if (kind === 'action') registerFormActions(handle);
  return Object.assign(handle, { [PAGE_RUNNER]: pageRunner }) as UnitHandler;

  function runChainOrFail(
    middleware: Rings['middleware'],
    ctx: ActionCallContext | LoaderCallContext,
    inner: () => unknown,
  ): Promise<unknown> {
    return runChain(middleware, ctx, inner, () => {
      const unit = ctx.scope === 'action' ? ctx.action : ctx.loader;
      throw new Error(
        `A middleware around ${ctx.module}.${unit} returned without calling next() or throwing an outcome.`,
      );
    });
  }
}

async function validateInput(schema: StandardSchemaV1, payload: unknown): Promise<unknown> {
  const result = await schema['~standard'].validate(payload);
  if (!result.issues) return result.value;
  const fields = fieldsOf(result.issues);
  const summary = Object.entries(fields)
    .map(([name, messages]) => (name ? `${name}: ${messages.join(', ')}` : messages.join(', ')))
    .join('; ');
  throw new WireFailure('UNPROCESSABLE_CONTENT', 'INVALID_INPUT', `Invalid input. ${summary}`, fields);
}
