// Input validation with any Standard Schema library, and ActionError codes on the wire.
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../runtime/shared/wire.ts';
import { journal } from './app/journal.ts';
import { createApp } from './app/server.ts';

const app = createApp();
const call = (action: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.request('/__actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ module: 'validated', action, payload }),
  });

beforeEach(() => journal.reset());

describe.each(['zod', 'valibot', 'arktype'])('input validated by %s', (library) => {
  it('passes valid input to the action as the schema output', async () => {
    const response = await call(library, { title: 'Dune', year: 1965 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { saved: { title: 'Dune', year: 1965 } } });
    expect(journal.unitCalls).toBe(1);
  });

  it('answers 422 with the issues by field, and never runs the action', async () => {
    const response = await call(library, { title: '', year: 1500 });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', status: 422, reason: 'INVALID_INPUT' });
    expect(Object.keys(error.fields).sort()).toEqual(['title', 'year']);
    expect(error.fields.title).toHaveLength(1);
    expect(error.message).toMatch(/^Invalid input\. /);
    expect(journal.unitCalls).toBe(0);
  });

  it('names a missing field, and a payload that is not an object', async () => {
    const missing = await (await call(library, { title: 'Dune' })).json();
    expect(Object.keys(missing.error.fields)).toEqual(['year']);
    const notAnObject = await call(library, 'Dune');
    expect(notAnObject.status).toBe(422);
    expect(journal.unitCalls).toBe(0);
  });

  it('lets the guards answer first: a refused caller learns nothing of the schema', async () => {
    const response = await call(library, { title: '' }, { 'x-deny': '1' });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toEqual({
      code: 'UNAUTHORIZED',
      status: 401,
      message: 'Sign in first.',
      reason: 'ACTION_ERROR',
    });
  });
});

describe('ActionError', () => {
  it.each(Object.entries(ERROR_STATUS))('answers code %s with status %i, message intact', async (code, status) => {
    const response = await call('failsOnPurpose', { code });
    expect(response.status).toBe(status);
    expect((await response.json()).error).toEqual({
      code,
      status,
      message: `failed with ${code}`,
      reason: 'ACTION_ERROR',
    });
  });
});
