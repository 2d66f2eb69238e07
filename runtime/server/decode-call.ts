// Turns a request body into a call: which module, which unit, and the payload (or location) exactly
// as the client sent it. JSON from our client and curl; multipart from our client when the payload
// holds files (an envelope field plus one field per file); urlencoded or multipart from a plain form.
// Every decoder is linear in the bytes it reads and bounded in what it may describe (limits.ts).
import type { LoaderLocation } from '../context.ts';
import { ENVELOPE_FIELD, FILE_FIELD_PREFIX, FILE_PLACEHOLDER } from '../shared/wire.ts';
import { WireFailure } from './failure.ts';
import type { FormEntries } from './coerce-form.ts';
import { mediaTypeOf } from './media-type.ts';
import { parseDevalue } from './parse-devalue.ts';
import { parseJson } from './parse-json.ts';
import { parseUrlencoded } from './parse-urlencoded.ts';
import { readBodyBytes, readBodyText } from './read-body.ts';

export type UnitKind = 'action' | 'loader';

export interface DecodedCall {
  module?: unknown;
  unit?: unknown;
  /** The action's payload, or the loader's location; for a form, its entries (see coerce-form.ts). */
  input: unknown;
  /** True when the body was a form (no envelope): `input` holds its entries, in order. */
  fromForm: boolean;
  /** The body's size in bytes, for the limit of a unit the body itself names. */
  bytes: number;
}

export interface DecodeLimits {
  bodyLimit: number;
  /** The most an urlencoded body may have, whatever `bodyLimit` allows: only files need more. */
  urlencodedLimit: number;
  maxFields: number;
}

export function decodeCall(request: Request, kind: UnitKind, limits: DecodeLimits): Promise<DecodedCall> {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = mediaTypeOf(contentType);
  // JSON, the usual call, without an async frame of its own: one is a measurable share of a small call.
  if (mediaType === 'application/json') {
    return readBodyText(request, limits.bodyLimit).then((body) => {
      const call = fromEnvelope(parseJson(body.text), kind, 'json');
      call.bytes = body.bytes;
      return call;
    });
  }
  return decodeForm(request, kind, limits, contentType, mediaType);
}

async function decodeForm(
  request: Request,
  kind: UnitKind,
  limits: DecodeLimits,
  contentType: string,
  mediaType: string,
): Promise<DecodedCall> {
  switch (mediaType) {
    case 'multipart/form-data': {
      const bytes = await readBodyBytes(request, limits.bodyLimit);
      return { ...fromMultipart(await parseForm(bytes, contentType, limits.maxFields), kind), bytes: bytes.byteLength };
    }
    case 'application/x-www-form-urlencoded': {
      const body = await readBodyText(request, Math.min(limits.bodyLimit, limits.urlencodedLimit));
      const fields = parseUrlencoded(body.text, limits.maxFields, () => tooManyFields(limits.maxFields));
      return { input: formEntries(fields, limits.maxFields), fromForm: true, bytes: body.bytes };
    }
    default:
      throw new WireFailure(
        'UNSUPPORTED_MEDIA_TYPE',
        'UNSUPPORTED_CONTENT_TYPE',
        `Content-Type ${JSON.stringify(contentType || '(none)')} is not accepted: send application/json, multipart/form-data or application/x-www-form-urlencoded.`,
      );
  }
}

/** The call an envelope names. devalue is accepted where our client sends it: in a JSON body, never beside files. */
function fromEnvelope(body: unknown, kind: UnitKind, carrier: 'json' | 'multipart'): DecodedCall {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WireFailure('BAD_REQUEST', 'MISSING_FIELD', `The body must be a JSON object { module, ${kind}, … }.`);
  }
  const envelope = body as Record<string, unknown>;
  if (envelope.devalue !== undefined && (carrier === 'multipart' || typeof envelope.devalue !== 'string')) {
    throw new WireFailure(
      'BAD_REQUEST',
      'MALFORMED_BODY',
      carrier === 'multipart'
        ? 'A multipart call carries its payload as JSON with file placeholders, never as devalue.'
        : 'devalue must be a string.',
    );
  }
  const payload = typeof envelope.devalue === 'string' ? parseDevalue(envelope.devalue) : envelope.payload;
  return {
    module: envelope.module,
    unit: envelope[kind],
    input: kind === 'action' ? payload : envelope.location,
    fromForm: false,
    // Set by the caller that read the body: one object per call, not a copy with the size added.
    bytes: 0,
  };
}

async function parseForm(bytes: Uint8Array, contentType: string, maxFields: number): Promise<FormData> {
  // Counted before the platform's parser builds a FormData of them all.
  if (countParts(bytes, contentType) > maxFields) throw tooManyFields(maxFields);
  try {
    return await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', 'The multipart body could not be parsed.');
  }
}

/** How many parts a multipart body has at most: the delimiter lines in it, less the closing one. */
function countParts(bytes: Uint8Array, contentType: string): number {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = new TextEncoder().encode(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  if (delimiter.length <= 2) return 0;
  let count = 0;
  for (let at = bytes.indexOf(0x2d); at !== -1; at = bytes.indexOf(0x2d, at + 1)) {
    let matched = true;
    for (let i = 1; i < delimiter.length && matched; i++) matched = bytes[at + i] === delimiter[i];
    if (matched) {
      count++;
      at += delimiter.length - 1;
    }
  }
  return count - 1;
}

function tooManyFields(maxFields: number): WireFailure {
  return new WireFailure('PAYLOAD_TOO_LARGE', 'TOO_MANY_FIELDS', `The form has more than ${maxFields} fields.`);
}

function fromMultipart(form: FormData, kind: UnitKind): Omit<DecodedCall, 'bytes'> {
  const envelopeText = form.get(ENVELOPE_FIELD);
  if (envelopeText === null) return { input: formEntries(form, Number.POSITIVE_INFINITY), fromForm: true };
  const shapeError = (detail: string) =>
    new WireFailure(
      'BAD_REQUEST',
      'MALFORMED_BODY',
      `A multipart call holds one ${ENVELOPE_FIELD} text field and its ${FILE_FIELD_PREFIX}n files: ${detail}.`,
    );
  if (typeof envelopeText !== 'string') throw shapeError(`${ENVELOPE_FIELD} is a file`);
  for (const [name, value] of form) {
    if (name === ENVELOPE_FIELD ? value !== envelopeText : !isFileField(name) || typeof value === 'string') {
      throw shapeError(`${JSON.stringify(name.slice(0, 100))} is not one of them`);
    }
  }
  const call = fromEnvelope(parseJson(envelopeText, `The ${ENVELOPE_FIELD} field`), kind, 'multipart');
  return { ...call, input: restoreFiles(call.input, form) };
}

function isFileField(name: string): boolean {
  return name.startsWith(FILE_FIELD_PREFIX) && /^(?:0|[1-9]\d{0,5})$/.test(name.slice(FILE_FIELD_PREFIX.length));
}

/**
 * Puts each file back where its `{ "__hpa_file": n }` placeholder stands, at any depth. Iterative: the
 * JSON's depth is already bounded, but a walk that cannot overflow the stack needs no such reasoning.
 */
function restoreFiles(payload: unknown, form: FormData): unknown {
  const root = { payload };
  const pending: Record<string, unknown>[] = [root];
  for (let container = pending.pop(); container; container = pending.pop()) {
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value !== 'object' || value === null) continue;
      const file = placeholderFile(value as Record<string, unknown>, form);
      if (file) container[key] = file;
      else pending.push(value as Record<string, unknown>);
    }
  }
  return root.payload;
}

function placeholderFile(value: Record<string, unknown>, form: FormData): File | undefined {
  if (Array.isArray(value) || !Object.hasOwn(value, FILE_PLACEHOLDER)) return undefined;
  const index = value[FILE_PLACEHOLDER];
  if (Object.keys(value).length !== 1 || typeof index !== 'number') return undefined;
  const file = form.get(`${FILE_FIELD_PREFIX}${index}`);
  if (!(file instanceof File)) {
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', `File ${index} of the payload is missing.`);
  }
  return file;
}

const FORBIDDEN_FIELD_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A form's entries, in order, with names that could reach a prototype (in any dotted part) refused and their number bounded. */
export function formEntries(fields: Iterable<[string, FormDataEntryValue | string]>, maxFields: number): FormEntries {
  const entries: FormEntries = [];
  for (const [name, value] of fields) {
    if (entries.length >= maxFields) throw tooManyFields(maxFields);
    // A dotted name fills nested objects (coerce-form.ts), so no part of it may name a prototype.
    if (name.split('.').some((part) => FORBIDDEN_FIELD_NAMES.has(part))) {
      throw new WireFailure(
        'BAD_REQUEST',
        'FORBIDDEN_KEY',
        `The field name ${JSON.stringify(name)} is not allowed: no part of a name may be __proto__, constructor or prototype.`,
      );
    }
    entries.push([name, value]);
  }
  return entries;
}

/** A loader call's location: `{ path, search?, params? }`, or `/` when the call names none. */
export function toLocation(input: unknown): LoaderLocation {
  if (input === undefined || input === null) return { path: '/' };
  if (typeof input !== 'object' || typeof (input as LoaderLocation).path !== 'string') {
    throw new WireFailure('BAD_REQUEST', 'MISSING_FIELD', 'location must be an object with a string path.');
  }
  return input as LoaderLocation;
}
