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

/**
 * Every error status with its code: Astro's ActionError codes, and for the other statuses of the HTTP
 * status registry their registered name in upper snake case. One list for the wire and for user errors,
 * so `deny(418, …)` is coded `IM_A_TEAPOT`, never a code that says another thing.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  EXPECTATION_FAILED: 417,
  IM_A_TEAPOT: 418,
  MISDIRECTED_REQUEST: 421,
  UNPROCESSABLE_CONTENT: 422,
  LOCKED: 423,
  FAILED_DEPENDENCY: 424,
  TOO_EARLY: 425,
  UPGRADE_REQUIRED: 426,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  HTTP_VERSION_NOT_SUPPORTED: 505,
  VARIANT_ALSO_NEGOTIATES: 506,
  INSUFFICIENT_STORAGE: 507,
  LOOP_DETECTED: 508,
  NOT_EXTENDED: 510,
  NETWORK_AUTHENTICATION_REQUIRED: 511,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A status the registry has no name for (`deny(460, …)`) is coded by its number. */
export type UnnamedStatusCode = `HTTP_${number}`;

/** The finer, equally stable reason behind a code, where the runtime itself refused the call. */
export type ErrorReason =
  | 'MALFORMED_JSON'
  | 'MALFORMED_BODY'
  | 'MISSING_FIELD'
  | 'IDENTITY_MISMATCH'
  | 'FORBIDDEN_KEY'
  | 'CROSS_SITE'
  | 'HOST_NOT_ALLOWED'
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
  code: ErrorCode | UnnamedStatusCode;
  status: number;
  message: string;
  reason?: ErrorReason;
  /** Present on 500s and origin refusals: the same id is in the server log line for it. */
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

export function codeForStatus(status: number): ErrorCode | UnnamedStatusCode {
  for (const [code, value] of Object.entries(ERROR_STATUS)) if (value === status) return code as ErrorCode;
  return `HTTP_${status}`;
}
