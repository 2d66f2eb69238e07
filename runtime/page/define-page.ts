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
    // renderPage runs a page's server middleware only for the routes it matched: a page rendered without
    // routes would show ungated, so it is an error rather than a silent bypass.
    const scope = pageRenderScope();
    if (scope && !scope.route) {
      let message = 'definePage outside routes';
      // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
      try {
        if (process.env.NODE_ENV !== 'production')
          message =
            'definePage(…) rendered on the server without routes, so its `use` would not run. Render it as a view or layout of defineRoutes(…), and pass `routes` to loadersHandler and actionsHandler.';
      } catch {}
      throw new Error(message);
    }
    return h(View, props);
  };
  Page.use = options.use ?? [];
  return Page;
}
