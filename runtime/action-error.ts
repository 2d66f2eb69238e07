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

/**
 * An ActionError thrown here, or the error a client call received (ActionCallError): recognised by its
 * shape, so client bundles need not carry this class and its table of statuses.
 */
export function isActionError(error: unknown): error is ActionError {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** An ActionError from input validation: `fields` holds the messages by field name. */
export interface InputError extends ActionError {
  readonly code: 'UNPROCESSABLE_CONTENT';
  readonly fields: Record<string, string[]>;
}

export function isInputError(error: unknown): error is InputError {
  return isActionError(error) && (error as { reason?: string }).reason === 'INVALID_INPUT';
}
