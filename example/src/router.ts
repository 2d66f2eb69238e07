// A small client router: pushState navigation between the app's pages. Redirect outcomes and links
// both go through navigate(), so a redirect from an action or a loader is a client navigation.
import { setNavigator } from 'hono-preact-actions';

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

export function navigate(to: string): void {
  const url = new URL(to, location.href);
  history.pushState(null, '', url.pathname + url.search);
  for (const listener of listeners) listener(url.pathname);
}

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  const onPop = () => listener(location.pathname);
  addEventListener('popstate', onPop);
  return () => {
    listeners.delete(listener);
    removeEventListener('popstate', onPop);
  };
}

if (typeof window !== 'undefined') setNavigator(navigate);
