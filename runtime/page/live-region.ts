// The live region the route announcer speaks through (announce.ts). It is in the document from the first
// render on, so screen readers already watch it when the first navigation speaks; the announcer itself
// loads with that navigation.

export let liveRegion: HTMLElement | undefined;

export function mountLiveRegion(): void {
  if (liveRegion?.isConnected) return;
  liveRegion = document.createElement('div');
  liveRegion.setAttribute('aria-live', 'polite');
  // Visually hidden, still read: the usual clip pattern, set through the CSSOM so a strict CSP allows it.
  liveRegion.style.cssText =
    'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  document.body.append(liveRegion);
}
