// A route declared outside the /admin layout's children, at a path under it: still gated by it.
import { defineLoader } from '../../../../runtime/index.ts';
import { journal } from '../../../server/app/journal.ts';

export default defineLoader(async (ctx) => {
  journal.log.push('inner');
  return { params: ctx.location.params ?? null };
});
