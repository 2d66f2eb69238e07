// The wire, shared by the server handlers and the client: paths, field names, envelopes and the
// error codes. PROTOCOL.md documents the same things for people; a test runs its examples.

export const ACTIONS_PATH = '/__actions';
export const LOADERS_PATH = '/__loaders';

/** Multipart calls from our client: the JSON envelope travels in this field, files beside it. */
export const ENVELOPE_FIELD = '__hpa';
/** A file's place in the JSON payload is `{ "__hpa_file": n }`; the file itself is field `__hpa_file_n`. */
export const FILE_PLACEHOLDER = '__hpa_file';
export const FILE_FIELD_PREFIX = '__hpa_file_';

/** The build a client was made by, sent with every call; a server of another build answers 409 for unknown units. */
export const BUILD_HEADER = 'x-hpa-build';

/** A form posted without JavaScript: the action's answer, carried across the redirect for one page view. */
export const FORM_RESULT_COOKIE = 'hpa-result';

export interface FormResult {
  module: string;
  action: string;
  data?: unknown;
  error?: WireError;
}

/** Query parameters that name the unit before the body is read, so its own body limit applies. */
export const MODULE_PARAM = 'module';
export const ACTION_PARAM = 'action';
export const LOADER_PARAM = 'loader';

/** Server-sent events of a streamed result. */
export const STREAM_EVENTS = { chunk: 'chunk', end: 'end', error: 'error' } as const;

/** The codes of Astro's ActionError, each with its HTTP status: one list for the wire and for user errors. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The finer, equally stable reason behind a code, where the runtime itself refused the call. */
export type ErrorReason =
  | 'MALFORMED_JSON'
  | 'MALFORMED_BODY'
  | 'MISSING_FIELD'
  | 'IDENTITY_MISMATCH'
  | 'FORBIDDEN_KEY'
  | 'CROSS_SITE'
  | 'UNKNOWN_MODULE'
  | 'UNKNOWN_ACTION'
  | 'UNKNOWN_LOADER'
  | 'BODY_TOO_LARGE'
  | 'TOO_MANY_FIELDS'
  | 'TOO_DEEP'
  | 'TOO_LARGE_VALUE'
  | 'UNSAFE_REDIRECT'
  | 'ABORTED'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'METHOD'
  | 'DENIED'
  | 'INVALID_INPUT'
  | 'STALE_CLIENT'
  | 'ACTION_ERROR'
  | 'UNEXPECTED';

export interface WireError {
  code: ErrorCode;
  status: number;
  message: string;
  reason?: ErrorReason;
  /** Present on 500s: the same id is in the server log line for the failure. */
  requestId?: string;
  /** Present on INVALID_INPUT: the schema's messages by field (`title`, `address.city`). */
  fields?: Record<string, string[]>;
}

export interface ErrorEnvelope {
  error: WireError;
}

export interface DataEnvelope<T = unknown> {
  data: T;
}

export interface RedirectEnvelope {
  __outcome: 'redirect';
  to: string;
  status: number;
  /** Another origin, which the server's `allowedRedirects` lists; absent for same-origin targets. */
  external?: true;
}

export function codeForStatus(status: number): ErrorCode {
  for (const [code, value] of Object.entries(ERROR_STATUS)) if (value === status) return code as ErrorCode;
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}
