// The `use` a page or layout component declared with definePage (none for a plain component). A module of
// its own, apart from define-page.ts: its readers are the server's route index and the browser's
// client-chain.ts, which loads on demand and must import nothing the page loads up front.
import type { Use } from '../middleware.ts';
import type { PageComponent } from './define-page.ts';

export function useOf(component: unknown): Use | undefined {
  return (component as Partial<PageComponent> | undefined)?.use;
}
