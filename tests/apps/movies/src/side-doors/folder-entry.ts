// A server module spelled as a folder: `./movies.server` resolves to `movies.server/index.ts`.
import { serverActions } from './movies.server';

console.log(serverActions);
