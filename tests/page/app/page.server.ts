import { defineAction, defineLoader } from '../../../runtime/index.ts';
import { journal } from '../../server/app/journal.ts';
import { pageRing, unitRing } from './middleware.ts';

export const pageUse = pageRing;

export default defineLoader(
  async () => {
    journal.log.push('inner');
    return { title: 'the page' };
  },
  { use: unitRing },
);

export const serverActions = {
  run: defineAction(
    async () => {
      journal.log.push('inner');
      return 'ran';
    },
    { use: unitRing },
  ),
};
