// definePage(View, { use }). A page's `use` is read by the page host: its server
// members by renderPage around the server render, its client members by <Routes> on an intra-app
// navigation.
import { type ComponentType, h } from 'preact';
import { pageRenderScope } from '../page-data.ts';
import type { PageContext } from '../context.ts';
import type { Use } from '../middleware.ts';

/** A page component that carries its middleware. */
export type PageComponent<P = object> = ComponentType<P> & { readonly use: Use };

export function definePage<P extends object>(
  View: ComponentType<P>,
  options: { use?: Use<PageContext> } = {},
): PageComponent<P> {
  const Page = (props: P) => {
    pageRenderScope()?.pageShown();
    return h(View, props);
  };
  Page.use = options.use ?? [];
  return Page;
}
