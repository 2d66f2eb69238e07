// <Head title meta />: a page's document title and meta tags. On the server it records them in the
// render scope and renderPage writes them into the document's head; in the browser it writes them to
// the document as the page renders, so a client navigation shows the new page's title too.
import { pageRenderScope } from '../page-data.ts';

export interface HeadTags {
  title?: string;
  /** `<meta name content>` by name: `{ description: '…' }`. */
  meta?: Record<string, string>;
}

/**
 * Sets the document's title and meta tags while the page shows. Nested pages write in render order,
 * so a view's <Head> wins over its layout's. Renders nothing.
 */
export function Head({ title, meta = {} }: HeadTags): null {
  const scope = pageRenderScope();
  if (scope) {
    scope.deferral?.headWritten();
    scope.head = { title: title ?? scope.head?.title, meta: { ...scope.head?.meta, ...meta } };
  } else if (typeof document !== 'undefined') {
    // During render, not in an effect: Preact runs a child's effects before its parent's, and the
    // innermost page's title must win. The route announcer reads the title after the commit.
    if (title !== undefined) document.title = title;
    for (const name in meta) {
      let tag = document.head.querySelector<HTMLMetaElement>(`meta[name="${CSS.escape(name)}"]`);
      if (!tag) document.head.append((tag = Object.assign(document.createElement('meta'), { name })));
      tag.content = meta[name] as string;
    }
  }
  return null;
}
