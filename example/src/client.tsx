import { hydrate } from 'preact';
import { App } from './app.tsx';
import routes from './routes.ts';

// The current route's components load first, so the first render matches the server's HTML.
void routes.preload(location.pathname).then(() => {
  hydrate(<App />, document.getElementById('app') as HTMLElement);
  document.documentElement.dataset.hydrated = '';
});
