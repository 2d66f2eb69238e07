import { serverActions } from './bad.server.ts';

export const ok = serverActions.ok;
