import { hydrate } from 'preact';
import { App } from './app.tsx';

hydrate(<App path={location.pathname} />, document.getElementById('app') as HTMLElement);
