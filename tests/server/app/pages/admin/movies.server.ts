// Same base name as pages/movies.server.ts, in a nested folder: its key is `admin/movies`.
import { defineAction } from '../../../../../runtime/index.ts';

export default async () => ({ admin: true });

export const serverActions = {
  audit: defineAction(async () => ({ module: 'admin/movies' })),
};
