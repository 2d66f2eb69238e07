// A Web Worker that imports a server module: it gets the stub, as any client module does.
import { serverActions } from './pages/movies.server.ts';

postMessage(serverActions.addMovie);
