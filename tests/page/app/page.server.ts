import { defineLoader } from '../../../runtime/index.ts';
import { journal } from '../../server/app/journal.ts';
import { pageRing, runInner, unitRing } from './middleware.ts';

export const pageUse = pageRing;

export default defineLoader(
  async () => {
    journal.log.push('inner');
    return { title: 'the page' };
  },
  { use: unitRing },
);

export const serverActions = {
  run: runInner(),
};
