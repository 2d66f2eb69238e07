// After a client navigation, what a screen reader or keyboard user needs (as Next.js's route announcer
// and Reach Router do): focus moves to the new page's main heading, and a polite live region says the
// page's title. A page whose heading comes with its data (getLoaderData) is waited for. Loaded with the
// first navigation (client-chain.ts); the live region it speaks through is mounted up front (live-region.ts).
import { pageLoads } from '../page-data.ts';
import { liveRegion } from './live-region.ts';

let stop: (() => void) | undefined;

/** Focuses the shown page's main heading (or `main` when it has none) and announces its title. */
export function announcePage(): void {
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
