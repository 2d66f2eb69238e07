// How a handler answers what went wrong: the origin check's 403, an error thrown anywhere in a call
// (a WireFailure, an ActionError, an outcome, a crash), a redirect put through the one redirect rule, and
// the logs each of these goes to, under the module and unit the request named.
import type { Context } from 'hono';
import { ActionError } from '../action-error.ts';
import { asOutcome, isRedirect, isRender } from '../outcome-of.ts';
import { renderOutsidePage } from '../outcomes.ts';
import { decideRedirect } from '../shared/redirect-rule.ts';
import { BUILD_HEADER, type ErrorReason, MODULE_PARAM, type RedirectEnvelope, type WireError } from '../shared/wire.ts';
import { ActionCallContext, LoaderCallContext } from './call-context.ts';
import type { UnitKind } from './decode-call.ts';
import { deniedError, errorResponse, WireFailure } from './failure.ts';
import type { OriginOptions, OriginRefusal } from './origin.ts';

export interface FailureOptions extends Pick<OriginOptions, 'allowRequest'> {
  /**
   * Origins besides the request's own that a `redirect()` may send the browser to, e.g.
   * `['https://auth.example.com']`. Any other target is refused (400 UNSAFE_REDIRECT) and logged.
   */
  allowedRedirects?: readonly string[];
  /** Redact unexpected errors (default: when NODE_ENV is `production`). */
  production?: boolean;
  /**
   * Where unexpected errors are logged, with the request id the client sees (default: console.error). It
   * also hears of each origin refusal (403 CROSS_SITE or HOST_NOT_ALLOWED), with `info.reason` set
   * (default: one console.warn line).
   */
  onError?: (error: unknown, info: { requestId: string; module: string; unit: string; reason?: ErrorReason }) => void;
  /**
   * This build's id (the plugin's `virtual:hono-preact-actions/build-id`). A call for an unknown unit from a
   * client of another build is answered 409 STALE_CLIENT, which the client turns into one reload.
   */
  buildId?: string;
  /** Where a stream observer that threw is reported; the stream goes on (default: console.error). */
  onObserverError?: (
    error: unknown,
    info: { requestId: string; module: string; unit: string; callback: string },
  ) => void;
}

/** The unit a request names, before (or without) it being resolved. */
export interface NamedUnit {
  module?: string | undefined;
  unit?: string | undefined;
}

type CallContext = ActionCallContext | LoaderCallContext;

export function createFailureAnswers(kind: UnitKind, unitParam: string, options: FailureOptions) {
  const production =
    options.production ??
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV === 'production';
  const logError =
    options.onError ??
    ((error, info) =>
      info.reason
        ? console.warn(
            `[hono-preact-actions] request ${info.requestId} refused (${info.reason}): ${(error as Error).message}`,
          )
        : console.error(
            `[hono-preact-actions] request ${info.requestId} failed in ${info.module}.${info.unit}:`,
            error,
          ));
  const logObserverError =
    options.onObserverError ??
    ((error, info) =>
      console.error(
        `[hono-preact-actions] stream observer ${info.callback} threw in request ${info.requestId}; the stream goes on:`,
        error,
      ));
  const logRefusedRedirect = (line: string) => console.warn(`[hono-preact-actions] ${line}`);

  /** A client that names its build, of another build than ours: what it calls may have moved or gone. */
  const isStale = (request: Request): boolean => {
    const clientBuild = request.headers.get(BUILD_HEADER);
    return options.buildId !== undefined && clientBuild !== null && clientBuild !== options.buildId;
  };

  /** The module and unit a failure is logged under: the call's, else the names the request gave. */
  const namesOf = (ctx: CallContext | NamedUnit | undefined) => {
    if (ctx instanceof ActionCallContext || ctx instanceof LoaderCallContext) {
      return { module: ctx.module, unit: ctx.scope === 'action' ? ctx.action : ctx.loader, requestId: ctx.requestId };
    }
    return {
      module: ctx?.module ?? `(no ${MODULE_PARAM} named)`,
      unit: ctx?.unit ?? `(no ${kind} named)`,
      requestId: crypto.randomUUID(),
    };
  };

  const unexpected = (error: unknown, requestId: string, module: string, unit: string): WireError => {
    logError(error, { requestId, module, unit });
    const message = production || !(error instanceof Error) ? 'Internal server error.' : error.message;
    return { code: 'INTERNAL_SERVER_ERROR', status: 500, message, reason: 'UNEXPECTED', requestId };
  };

  const toWireError = (error: unknown, ctx: CallContext | NamedUnit | undefined): WireError => {
    if (error instanceof WireFailure) return error.toWire();
    if (error instanceof ActionError) {
      return { code: error.code, status: error.status, message: error.message, reason: 'ACTION_ERROR' };
    }
    const { module, unit, requestId } = namesOf(ctx);
    const outcome = asOutcome(error);
    if (outcome && isRender(outcome)) error = renderOutsidePage(`the ${kind} ${module}.${unit}`);
    else if (outcome && !isRedirect(outcome)) return deniedError(outcome.status, outcome.message);
    return unexpected(error, requestId, module, unit);
  };

  return {
    toWireError,
    logObserverError,

    /** The origin check's 403, logged with the request id it carries; undefined when allowRequest lets it in. */
    async refuseOrigin(c: Context, refusal: OriginRefusal): Promise<Response | undefined> {
      const request = c.req.raw;
      if (refusal.reason === 'CROSS_SITE' && options.allowRequest && (await options.allowRequest(request, c))) {
        return undefined;
      }
      const failure = new WireFailure('FORBIDDEN', refusal.reason, refusal.message);
      const { module, unit, requestId } = namesOf({ module: c.req.query(MODULE_PARAM), unit: c.req.query(unitParam) });
      logError(failure, { requestId, module, unit, reason: refusal.reason });
      return errorResponse(c, { ...failure.toWire(), requestId });
    },

    /** Whatever a call threw, as its answer: a stale client's 409, a redirect envelope, or the wire's error. */
    answerFailure(c: Context, error: unknown, ctx: CallContext | NamedUnit | undefined): Response {
      if (error instanceof WireFailure && error.code === 'NOT_FOUND' && isStale(c.req.raw)) {
        error = new WireFailure(
          'CONFLICT',
          'STALE_CLIENT',
          'This page comes from another build of the app than the server runs; reload it.',
        );
      }
      const outcome = asOutcome(error);
      if (outcome && isRedirect(outcome)) {
        const decision = decideRedirect(outcome.to, c.req.url, options.allowedRedirects);
        if (!('refused' in decision)) {
          const envelope: RedirectEnvelope = { __outcome: 'redirect', to: decision.to, status: outcome.status };
          if (decision.external) envelope.external = true;
          return c.json(envelope);
        }
        const { module, unit } = namesOf(ctx);
        logRefusedRedirect(
          `${module}.${unit} redirected to ${JSON.stringify(outcome.to)}, refused: ${decision.refused}`,
        );
        error = new WireFailure(
          'BAD_REQUEST',
          'UNSAFE_REDIRECT',
          'The call answered with a redirect off this site; list its origin in allowedRedirects if it is yours.',
        );
      }
      const wire = toWireError(error, ctx);
      return errorResponse(c, wire, wire.reason === 'METHOD' ? { Allow: 'POST' } : undefined);
    },
  };
}
