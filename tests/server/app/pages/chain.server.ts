// Every ring of the chain, each logging, for the order tests.
import { defineAction, defineClientMiddleware, defineLoader } from '../../../../runtime/index.ts';
import { journal } from '../journal.ts';
import { ring } from '../rings.ts';

export const pageUse = [ring('page'), defineClientMiddleware(async () => journal.log.push('client middleware ran'))];
export const actionUse = [ring('actionUse')];
export const loaderUse = [ring('loaderUse')];
export const actionGuards = [ring('guard')];
export const serverGuards = [ring('guard')];

export const serverActions = {
  run: defineAction(
    async (_ctx, payload: { throwIn?: string }) => {
      journal.unitCalls++;
      journal.log.push('inner');
      if (payload?.throwIn === 'inner') throw new Error('boom in inner');
      return { ok: true };
    },
    { use: [ring('unit')] },
  ),
};

export const serverLoaders = {
  default: defineLoader(
    async (ctx) => {
      journal.unitCalls++;
      journal.log.push('inner');
      if (ctx.location.params?.throwIn === 'inner') throw new Error('boom in inner');
      return { path: ctx.location.path };
    },
    { use: [ring('unit')] },
  ),
};
