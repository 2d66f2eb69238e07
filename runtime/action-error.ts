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

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}

/** An ActionError from input validation: `fields` holds the messages by field name. */
export interface InputError extends ActionError {
  readonly code: 'UNPROCESSABLE_CONTENT';
  readonly fields: Record<string, string[]>;
}

export function isInputError(error: unknown): error is InputError {
  return isActionError(error) && (error as { reason?: string }).reason === 'INVALID_INPUT';
}
