import { audit } from '../audit.ts';
import { requireSession } from '../auth.ts';
import { serverActions as aliased } from '@/pages/admin/movies.server.js';
import * as admin from './admin/movies.server';
import serverLoader, { serverActions } from './movies.server.ts';

export const page = {
  loader: serverLoader,
  add: serverActions.addMovie,
  purge: admin.serverActions.purge,
  purgeAgain: aliased.purge,
  use: [...requireSession, audit],
  lazy: () => import('./movies.server.ts').then((module) => module.serverActions.addMovie),
};

export function Movies() {
  return (
    <main>
      <h1>Movies</h1>
      <p>{JSON.stringify(page.add)}</p>
    </main>
  );
}
