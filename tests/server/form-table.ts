// The coercion table as a server: one action per case and library, each keeping what it received, so a
// test can post the case's fields any way a browser would and compare what the action got.
import { Hono } from 'hono';
import type { StandardSchemaV1 } from '../../runtime/shared/standard-schema.ts';
import { defineAction } from '../../runtime/index.ts';
import { actionsHandler } from '../../runtime/server/index.ts';
import { FORM_CASES, type FormCase } from './form-cases.ts';

export type Library = 'zod' | 'ark' | 'valibot';

export const actionName = (library: Library, index: number) => `${library}${index}`;

export function createTableApp(cases: FormCase[] = FORM_CASES) {
  const received: { payload?: unknown } = {};
  const keep = async (_ctx: unknown, payload: unknown) => {
    received.payload = payload;
    return { ok: true };
  };
  const serverActions: Record<string, unknown> = {};
  cases.forEach((formCase, index) => {
    serverActions[actionName('zod', index)] = defineAction(keep, { input: formCase.zod as StandardSchemaV1 });
    for (const library of ['ark', 'valibot'] as const) {
      const schema = formCase[library];
      if (schema) serverActions[actionName(library, index)] = defineAction(keep, { input: schema as StandardSchemaV1 });
    }
  });
  const glob = { '/table/table.server.ts': { serverActions } };
  const handler = actionsHandler(glob, { root: '/table', onError: () => {} });
  const app = new Hono().post('/__actions', handler);
  return { app, handler, received };
}
