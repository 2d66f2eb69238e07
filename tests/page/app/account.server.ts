import { defineAction, defineLoader } from '../../../runtime/index.ts';
import { journal } from '../../server/app/journal.ts';
import { requireSession } from './middleware.ts';

export const pageUse = requireSession;

export default defineLoader(async () => ({ balance: 42 }));

export const serverActions = {
  close: defineAction(async () => {
    journal.unitCalls++;
    return 'closed';
  }),
};
