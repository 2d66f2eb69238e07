// One action, three schema libraries: the same rules written in Zod, Valibot and ArkType.
import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';
import { ActionError, defineAction, defineActionGuard } from '../../../../runtime/index.ts';
import { journal } from '../journal.ts';

export const actionGuards = [
  defineActionGuard(async ({ c }, next) => {
    if (c.req.header('x-deny')) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
    return next();
  }),
];

const record = async (_ctx: unknown, movie: { title: string; year: number }) => {
  journal.unitCalls++;
  return { saved: movie };
};

/** What arrived, with the type of each field, so a test can see the coercion. */
async function describePayload(_ctx: unknown, payload: Record<string, unknown>) {
  journal.unitCalls++;
  const kinds = Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      value instanceof File
        ? `file:${value.name}`
        : Array.isArray(value)
          ? `array:${value.join('|')}`
          : `${typeof value}:${String(value)}`,
    ]),
  );
  return kinds;
}

export const serverActions = {
  zod: defineAction(record, {
    input: z.object({ title: z.string().min(1, 'Title is required'), year: z.number().int().min(1888, 'Too early') }),
  }),
  valibot: defineAction(record, {
    input: v.object({
      title: v.pipe(v.string(), v.minLength(1, 'Title is required')),
      year: v.pipe(v.number(), v.integer(), v.minValue(1888, 'Too early')),
    }),
  }),
  arktype: defineAction(record, { input: type({ title: 'string > 0', year: 'number.integer >= 1888' }) }),
  // The coercion table: every kind of form field, in the two libraries that offer Standard JSON Schema.
  zodForm: defineAction(describePayload, {
    input: z.object({
      title: z.string(),
      year: z.number().optional(),
      watched: z.boolean(),
      tags: z.array(z.string()),
      poster: z.instanceof(File).optional(),
    }),
  }),
  arktypeForm: defineAction(describePayload, {
    input: type({
      title: 'string',
      'year?': 'number',
      watched: 'boolean',
      tags: 'string[]',
      'poster?': type.instanceOf(File),
    }),
  }),
  failsOnPurpose: defineAction(async (_ctx, payload: { code: string }) => {
    journal.unitCalls++;
    throw new ActionError({ code: payload.code as never, message: `failed with ${payload.code}` });
  }),
};
