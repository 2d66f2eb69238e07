// Failures the runtime answers itself, and the one JSON shape every error takes on the wire.
import type { Context } from 'hono';
import { codeForStatus, ERROR_STATUS, type ErrorCode, type ErrorReason, type WireError } from '../shared/wire.ts';
import { bodyAfterDrain, hasUnreadBody } from './drain-body.ts';

/** A refusal with a stable code, status and reason: thrown inside the handler, answered as JSON. */
export class WireFailure extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly reason: ErrorReason;
  readonly fields?: Record<string, string[]>;
  constructor(code: ErrorCode, reason: ErrorReason, message: string, fields?: Record<string, string[]>) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.reason = reason;
    this.fields = fields;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, status: this.status, message: this.message, reason: this.reason };
    if (this.fields) wire.fields = this.fields;
    return wire;
  }
}

export function deniedError(status: number, message: string): WireError {
  return { code: codeForStatus(status), status, message, reason: 'DENIED' };
}

/** An error answer; refused before the body was read, it waits, open, while the rest is drained (drain-body.ts). */
export function errorResponse(c: Context, error: WireError, headers?: Record<string, string>): Response {
  const request = c.req.raw;
  if (!hasUnreadBody(request)) return c.json({ error }, error.status as 400, headers);
  const bytes = new TextEncoder().encode(JSON.stringify({ error }));
  return c.body(bodyAfterDrain(request, bytes), error.status as 400, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(bytes.byteLength),
  });
}
