// After a client navigation, what a screen reader or keyboard user needs (as Next.js's route announcer
// and Reach Router do): focus moves to the new page's main heading, and a polite live region says the
// page's title. A page whose heading comes with its data (getLoaderData) is waited for. Loaded with the
// first navigation (client-chain.ts); the live region it speaks through is mounted up front by <Routes>.
// Both are handed in rather than imported: a module the page loads up front, imported here, would be
// split by bundlers into a chunk of its own, one more file (and request) before the page is interactive.
import type { pageLoads as PageLoads } from '../page-data.ts';

let stop: (() => void) | undefined;

/** Focuses the shown page's main heading (or `main` when it has none) and announces its title. */
export function announcePage(liveRegion: HTMLElement | undefined, pageLoads: typeof PageLoads): void {
  stop?.();
  const main = document.querySelector('main') ?? document.body;
  const settle = (fallback?: boolean) => {
    const heading = pageLoads.pending ? null : main.querySelector('h1');
    const target = heading ?? (fallback ? main : null);
    if (!target) return;
    stop?.();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    if (liveRegion) liveRegion.textContent = document.title || target.textContent || '';
  };
  const observer = new MutationObserver(() => settle());
  const timer = setTimeout(() => settle(true), 1000);
  pageLoads.settled = () => setTimeout(settle);
  stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    stop = pageLoads.settled = undefined;
  };
  observer.observe(main, { childList: true, subtree: true });
  settle();
}
