// ActionError: an expected failure an action (or a middleware) throws on purpose, with one of the
// wire's codes. It reaches the client with its code, status and message, never redacted.
import { ERROR_STATUS, type ErrorCode } from './shared/wire.ts';

export class ActionError extends Error {
  override name = 'ActionError';
  readonly code: ErrorCode;
  readonly status: number;
  constructor({ code, message }: { code: ErrorCode; message?: string }) {
    super(message ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

// What the action side meant: its own ActionError, a deny (ActionGuardError is one), its schema's refusal.
// Not the runtime's refusals (cross-site, too large, unknown action, stale client) nor a crash (a 500,
// redacted in production): a failed call is always an ActionCallError with its code and reason for those.
const MEANT = new Set(['ACTION_ERROR', 'DENIED', 'INVALID_INPUT']);

/**
 * An error the action meant: an ActionError thrown here, or one a client call received (an ActionCallError
 * whose reason is ACTION_ERROR, DENIED or INVALID_INPUT). Recognised by its shape, so client bundles need not
 * carry this class and its table of statuses.
 */
export function isActionError(error: unknown): error is ActionError {
  if (
    !(error instanceof Error) ||
    typeof (error as { code?: unknown }).code !== 'string' ||
    typeof (error as { status?: unknown }).status !== 'number'
  ) {
    return false;
  }
  const reason = (error as { reason?: unknown }).reason;
  return reason === undefined || MEANT.has(reason as string);
}

/** An ActionError from input validation: `fields` holds the messages by field name. */
export interface InputError extends ActionError {
  readonly code: 'UNPROCESSABLE_CONTENT';
  readonly fields: Record<string, string[]>;
}

export function isInputError(error: unknown): error is InputError {
  return isActionError(error) && (error as { reason?: string }).reason === 'INVALID_INPUT';
}
