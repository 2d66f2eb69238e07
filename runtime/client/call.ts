// One call over the wire (PROTOCOL.md): JSON, or multipart when the payload holds files; the answer
// read as data, a redirect, an error, or an event stream whose chunks are handed over as they come.
import {
  ACTION_PARAM,
  ACTIONS_PATH,
  BUILD_HEADER,
  type ErrorCode,
  ENVELOPE_FIELD,
  FILE_FIELD_PREFIX,
  FILE_PLACEHOLDER,
  LOADER_PARAM,
  LOADERS_PATH,
  MODULE_PARAM,
  type WireError,
} from '../shared/wire.ts';
import type { UnitStub } from '../shared/unit-identity.ts';
import { followRedirect } from './navigation.ts';

export type { UnitStub } from '../shared/unit-identity.ts';

/**
 * An error the server answered with: its message, and the stable code, status and reason of the wire.
 * isActionError and isInputError recognise it (it has the shape of an ActionError, without the class).
 */
export class ActionCallError extends Error {
  override name = 'ActionCallError';
  // Declared only: the wire's error is copied in whole (fewer bytes than a line per field).
  declare readonly code: ErrorCode;
  declare readonly status: number;
  declare readonly reason?: string;
  declare readonly requestId?: string;
  declare readonly fields?: Record<string, string[]>;
  constructor(error: WireError) {
    super(error.message);
    Object.assign(this, error);
  }
}

/**
 * The data; none when it streamed (the chunks went to onChunk) or when the answer was a redirect
 * outcome, which the call has followed (navigation.ts) before it resolves.
 */
export interface CallResult {
  data?: unknown;
  streamed?: true;
  redirected?: true;
}

export interface CallOptions {
  signal?: AbortSignal;
  onChunk?: (chunk: string) => void;
}

/** The unit's URL: the endpoint, or with `path` '' the query alone (a form's action, posted to its page). */
export function unitUrl(stub: UnitStub, path?: string): string {
  const [endpoint, param, name] = stub.action
    ? [ACTIONS_PATH, ACTION_PARAM, stub.action]
    : [LOADERS_PATH, LOADER_PARAM, stub.loader as string];
  return `${path ?? endpoint}?${MODULE_PARAM}=${encodeURIComponent(stub.module)}&${param}=${encodeURIComponent(name)}`;
}

export async function call(stub: UnitStub, input: unknown, options: CallOptions = {}): Promise<CallResult> {
  // The unit is named in the URL (unitUrl), so the body carries only what goes to it.
  const envelope = stub.action ? { payload: input } : { location: input };
  // A form's data goes as the form would send it: the server coerces its fields by the action's schema.
  const request: RequestInit = input instanceof FormData ? { body: input } : await encode(envelope);
  if (stub.build) request.headers = { ...request.headers, [BUILD_HEADER]: stub.build };
  // Cookies go with the call by fetch's default, credentials: 'same-origin' (every browser that has
  // `new FormData(form, submitter)`, which <Form> needs, has that default).
  const response = await fetch(unitUrl(stub), { method: 'POST', signal: options.signal, ...request });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    // The reader is loaded on demand (see read-stream.ts); it hands back the error it met, thrown here.
    const failure = await (await import('./read-stream.ts')).readStream(response, options.onChunk);
    if (failure) throw new ActionCallError(failure);
    return { streamed: true };
  }
  const body = await response.json().catch(() => null);
  if (body?.error?.reason === 'STALE_CLIENT') (await import('./leave-page.ts')).reloadForNewBuild(stub.build);
  if (body?.error) throw new ActionCallError(body.error);
  if (!response.ok || !body) {
    const status = response.status;
    // No envelope: a proxy or a crash answered. The status is exact; the code says only that it failed.
    throw new ActionCallError({ code: 'INTERNAL_SERVER_ERROR', status, message: `HTTP ${status}` });
  }
  if (body.__outcome === 'redirect') {
    await followRedirect(body.to, body.external === true);
    return { redirected: true };
  }
  return { data: typeof body.devalue === 'string' ? (await import('devalue')).parse(body.devalue) : body.data };
}

/**
 * JSON unless the payload holds a file (then multipart: the envelope in one field, each file in its own)
 * or a value JSON would change (a Date, Map, Set, BigInt, URL, an undefined): then devalue, loaded only
 * for such a call. One JSON.stringify pass finds both, reading each raw value before toJSON.
 */
async function encode(envelope: { payload?: unknown }): Promise<RequestInit> {
  const files: Blob[] = [];
  let rich = false;
  const json = JSON.stringify(envelope, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Blob) return { [FILE_PLACEHOLDER]: files.push(raw) - 1 };
    if (
      typeof raw === 'bigint' ||
      raw instanceof Date ||
      raw instanceof Map ||
      raw instanceof Set ||
      raw instanceof URL ||
      (raw === undefined && key)
    ) {
      rich = true;
    }
    return typeof raw === 'bigint' ? 0 : value;
  });
  if (files.length > 0) {
    const form = new FormData();
    form.set(ENVELOPE_FIELD, json);
    files.forEach((file, index) => form.set(`${FILE_FIELD_PREFIX}${index}`, file));
    return { body: form };
  }
  const body = rich ? JSON.stringify({ devalue: (await import('devalue')).stringify(envelope.payload) }) : json;
  return { headers: { 'content-type': 'application/json' }, body };
}
