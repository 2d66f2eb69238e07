import { requireAdmin } from '../../auth.ts';

// The same gate around every loader and action of every route under /admin (their RPC calls too),
// without repeating it in each of their modules.
export const pageUse = requireAdmin;
