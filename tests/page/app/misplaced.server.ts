// render() in a module's loaderUse and actionUse: they wrap loaders and actions, which have no page to replace.
import { defineAction, defineLoader, defineServerMiddleware } from '../../../runtime/index.ts';
import { render } from '../../../runtime/page/index.ts';
import { JoinPage } from './join.ts';

const renders = defineServerMiddleware(async () => {
  throw render(JoinPage);
});

export const loaderUse = [renders];
export const actionUse = [renders];

export default defineLoader(async () => 'never');

export const serverActions = { run: defineAction(async () => 'never') };
