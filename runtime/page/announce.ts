// After a client navigation, what a screen reader or keyboard user needs (as Next.js's route announcer
// and Reach Router do): focus moves to the new page's main heading, and a polite live region says the
// page's title. A page whose heading comes with its data (getLoaderData) is waited for.
import { pageLoads } from '../page-data.ts';

let region: HTMLElement | undefined;
let stop: (() => void) | undefined;

/** The live region, in the document from the first render on, so screen readers already watch it. */
export function mountAnnouncer(): void {
  if (region?.isConnected) return;
  region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  // Visually hidden, still read: the usual clip pattern, set through the CSSOM so a strict CSP allows it.
  region.style.cssText =
    'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  document.body.append(region);
}

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
    if (region) region.textContent = document.title || target.textContent || '';
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
