// Turns a request body into a call: which module, which unit, and the payload (or location) exactly
// as the client sent it. JSON from our client and curl; multipart from our client when the payload
// holds files (an envelope field plus one field per file); urlencoded or multipart from a plain form.
import { parse } from 'devalue';
import type { LoaderLocation } from '../context.ts';
import { ENVELOPE_FIELD, FILE_FIELD_PREFIX, FILE_PLACEHOLDER } from '../shared/wire.ts';
import { WireFailure } from './failure.ts';
import type { FormEntries } from './coerce-form.ts';
import { mediaTypeOf } from './media-type.ts';
import { readBodyBytes, readBodyText } from './read-body.ts';

export type UnitKind = 'action' | 'loader';

export interface DecodedCall {
  module?: unknown;
  unit?: unknown;
  /** The action's payload, or the loader's location; for a form, its entries (see coerce-form.ts). */
  input: unknown;
  /** True when the body was a form (no envelope): `input` holds its entries, in order. */
  fromForm: boolean;
}

export interface DecodeLimits {
  bodyLimit: number;
  maxFields: number;
}

export async function decodeCall(request: Request, kind: UnitKind, limits: DecodeLimits): Promise<DecodedCall> {
  const contentType = request.headers.get('content-type') ?? '';
  switch (mediaTypeOf(contentType)) {
    case 'application/json':
      return fromEnvelope(parseJson(await readBodyText(request, limits.bodyLimit)), kind);
    case 'multipart/form-data':
      return fromMultipart(await parseForm(request, contentType, limits), kind);
    case 'application/x-www-form-urlencoded': {
      const params = new URLSearchParams(await readBodyText(request, limits.bodyLimit));
      return { input: formEntries(params, limits.maxFields), fromForm: true };
    }
    default:
      throw new WireFailure(
        'UNSUPPORTED_MEDIA_TYPE',
        'UNSUPPORTED_CONTENT_TYPE',
        `Content-Type ${JSON.stringify(contentType || '(none)')} is not accepted: send application/json, multipart/form-data or application/x-www-form-urlencoded.`,
      );
  }
}

/** JSON.parse, refusing `__proto__` keys (checked only when the text contains one, to keep the common path fast). */
export function parseJson(text: string): unknown {
  try {
    if (!text.includes('__proto__')) return JSON.parse(text);
    return JSON.parse(text, (key, value) => {
      if (key === '__proto__')
        throw new WireFailure('BAD_REQUEST', 'FORBIDDEN_KEY', 'The key "__proto__" is not allowed.');
      return value;
    });
  } catch (error) {
    if (error instanceof WireFailure) throw error;
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A payload devalue carried (it holds values JSON cannot). devalue itself refuses `__proto__` keys. */
function parseDevalue(text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('__proto__'))
      throw new WireFailure('BAD_REQUEST', 'FORBIDDEN_KEY', 'The key "__proto__" is not allowed.');
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', `The devalue payload could not be read: ${message}`);
  }
}

function fromEnvelope(body: unknown, kind: UnitKind): DecodedCall {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WireFailure('BAD_REQUEST', 'MISSING_FIELD', `The body must be a JSON object { module, ${kind}, … }.`);
  }
  const envelope = body as Record<string, unknown>;
  const payload = typeof envelope.devalue === 'string' ? parseDevalue(envelope.devalue) : envelope.payload;
  return {
    module: envelope.module,
    unit: envelope[kind],
    input: kind === 'action' ? payload : envelope.location,
    fromForm: false,
  };
}

async function parseForm(request: Request, contentType: string, limits: DecodeLimits): Promise<FormData> {
  const bytes = await readBodyBytes(request, limits.bodyLimit);
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', 'The multipart body could not be parsed.');
  }
  let count = 0;
  for (const _ of form.keys()) if (++count > limits.maxFields) throw tooManyFields(limits.maxFields);
  return form;
}

function tooManyFields(maxFields: number): WireFailure {
  return new WireFailure('PAYLOAD_TOO_LARGE', 'TOO_MANY_FIELDS', `The form has more than ${maxFields} fields.`);
}

function fromMultipart(form: FormData, kind: UnitKind): DecodedCall {
  const envelopeText = form.get(ENVELOPE_FIELD);
  if (envelopeText === null) return { input: formEntries(form, Number.POSITIVE_INFINITY), fromForm: true };
  if (typeof envelopeText !== 'string') {
    throw new WireFailure('BAD_REQUEST', 'MALFORMED_BODY', `The ${ENVELOPE_FIELD} field must be text.`);
  }
  const call = fromEnvelope(parseJson(envelopeText), kind);
  return { ...call, input: restoreFiles(call.input, form) };
}

/** Puts each file back where its `{ "__hpa_file": n }` placeholder stands, at any depth. */
function restoreFiles(value: unknown, form: FormData): unknown {
  if (Array.isArray(value)) return value.map((item) => restoreFiles(item, form));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === FILE_PLACEHOLDER && typeof record[FILE_PLACEHOLDER] === 'number') {
    const file = form.get(`${FILE_FIELD_PREFIX}${record[FILE_PLACEHOLDER]}`);
    if (!(file instanceof File)) {
      throw new WireFailure(
        'BAD_REQUEST',
        'MALFORMED_BODY',
        `File ${record[FILE_PLACEHOLDER]} of the payload is missing.`,
      );
    }
    return file;
  }
  for (const key of keys) record[key] = restoreFiles(record[key], form);
  return record;
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
