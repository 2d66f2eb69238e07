import { defineAction, defineLoader } from '../../../../runtime/index.ts';
import { journal } from '../../../server/app/journal.ts';
import { auditRing, runInner, unitRing } from '../middleware.ts';

export const pageUse = auditRing;

export default defineLoader(
  async (ctx) => {
    journal.log.push('inner');
    return { user: ctx.location.params?.id ?? null, params: ctx.location.params ?? null };
  },
  { use: unitRing },
);

export const serverActions = {
  run: runInner(),
  export: defineAction(async function* () {
    yield 'row 1';
    yield 'row 2';
  }),
};
