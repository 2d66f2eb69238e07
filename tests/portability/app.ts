// The portable app: the actions handler over one eager module, as every runtime's entry serves it.
import { Hono } from 'hono';
import { actionsHandler } from '../../runtime/server/index.ts';
import * as portable from './portable.server.ts';

export const app = new Hono().post('/__actions', actionsHandler({ '/portable.server.ts': portable }));
