// A page's tree rendered once. A page whose loader has not run (getLoaderData) leaves a token in its
// place; when the loaders found so far have run, each waiting page's view is rendered on its own, with
// the context it had there, and put in its token's place, where it may leave tokens of its own. The
// loaders run as a render repeated until no page waits would run them: those of the pages shown, each
// once, in the order their pages are found. Where a view rendered on its own could differ from the same
// view rendered in the tree, the whole tree is rendered again with the data instead:
// - under <svg> or <select>, whose markup depends on the elements around it;
// - a view that uses useId (ids are numbered in tree order);
// - a <Head> written after a token in its render, and one inside a waiting view (the last write wins);
// - a view that throws (an error boundary around it in the tree may catch it), or a token not found.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type PageDeferral, type PageRenderScope, renderInScope } from '../page-data.ts';

const MAX_PASSES = 5;

/**
 * A getLoaderData page in a server render (the scope's renderLoaderPage): its view with the loader's
 * data once that has run; until then the loader is wanted, and the page waits in its place (a token) or,
 * outside a render in parts, shows nothing.
 */
export function renderLoaderPage(
  this: PageRenderScope,
  view: (data: unknown) => VNode<any>,
  loader: object,
  context: object | undefined,
  component: unknown,
): VNode<any> | string | null {
  if (this.data.has(loader)) return view(this.data.get(loader));
  this.wanted.add(loader);
  return this.deferral ? this.deferral.wait(() => view(this.data.get(loader)), context, component) : null;
}
// A control character around an id made once per process: no text of a page spells a token, and
// escaping leaves it as it is. One byte wide, so the HTML stays a one-byte string (a wider character,
// even one spliced out, makes the document two bytes a character, and slower to check and encode).
const TOKEN_EDGE = '\u0001';
// Made on the first render, not when the module loads: Workers refuse random values in global scope.
let tokenPrefix: string | undefined;

// preact-render-to-string's names for a vnode's parent, a component's vnode and the useId counter of a
// render's root (Preact's mangled property names).
const PARENT = '__';
const VNODE = '__v';
const MASK = '__m';

interface Waiting {
  token: string;
  view: () => VNode<any>;
  context: object | undefined;
}

class Deferral implements PageDeferral {
  readonly scope: PageRenderScope;
  waiting: Waiting[] = [];
  tokens = 0;
  /** Tokens left by the render under way. */
  tokensInRender = 0;
  inView = false;
  headAfterToken = false;
  headInView = false;
  /** A page waits where a view on its own could differ: the tree is rendered whole instead. */
  whole = false;

  constructor(scope: PageRenderScope) {
    this.scope = scope;
  }

  wait(view: () => VNode<any>, context: object | undefined, component: unknown): string | null {
    if (this.whole || insideSvgOrSelect(component)) {
      this.whole = true;
      return null;
    }
    tokenPrefix ??= `${TOKEN_EDGE}${crypto.randomUUID()}:`;
    const token = `${tokenPrefix}${this.tokens++}${TOKEN_EDGE}`;
    this.waiting.push({ token, view, context });
    this.tokensInRender++;
    return token;
  }

  headWritten(): void {
    if (this.tokensInRender > 0) this.headAfterToken = true;
    if (this.inView) this.headInView = true;
  }

  render(vnode: VNode<any>, context?: object): string {
    this.tokensInRender = 0;
    return renderInScope(this.scope, () => renderToString(vnode, context));
  }

  /** The HTML with each waiting view in its token's place, or undefined where that could differ from the tree's. */
  fill(html: string): string | undefined {
    if (this.whole) return undefined;
    const waiting = this.waiting;
    this.waiting = [];
    let filled = '';
    let from = 0;
    for (const { token, view, context } of waiting) {
      const at = html.indexOf(token, from);
      if (at === -1) return undefined;
      const vnode = view() as VNode<any> & { [MASK]?: [number, number] };
      const ids: [number, number] = [0, 0];
      vnode[MASK] = ids;
      let rendered: string;
      this.inView = true;
      try {
        rendered = this.render(vnode, context);
      } catch {
        return undefined;
      } finally {
        this.inView = false;
      }
      if (ids[1] !== 0 || (this.headAfterToken && this.headInView)) return undefined;
      filled += html.slice(from, at) + rendered;
      from = at + token.length;
    }
    return filled + html.slice(from);
  }

  /** Pages still waiting when the passes run out show nothing, as a page without its data does. */
  clear(html: string): string {
    for (const { token } of this.waiting) html = html.replace(token, '');
    return html;
  }
}

/** Whether the page's vnode is under <svg> or <select>, or its place cannot be told. */
function insideSvgOrSelect(component: unknown): boolean {
  let vnode = (component as { [VNODE]?: VNode<any> } | undefined)?.[VNODE] as
    (VNode<any> & { [PARENT]?: VNode<any> }) | undefined;
  if (!vnode) return true;
  while ((vnode = vnode[PARENT])) {
    if (vnode.type === 'svg' || vnode.type === 'select') return true;
  }
  return false;
}

/**
 * Renders `tree` (in the scope) until no page waits for a loader it has no data for, each
 * wanted loader run by `load` in the order its page was found. Returns the HTML.
 */
export async function renderTree(
  tree: VNode<any>,
  scope: PageRenderScope,
  load: (loader: object) => Promise<void>,
): Promise<string> {
  const deferral = new Deferral(scope);
  scope.deferral = deferral;
  try {
    let html = deferral.render(tree);
    for (let pass = 0; pass < MAX_PASSES && scope.wanted.size > scope.data.size; pass++) {
      for (const loader of scope.wanted) {
        if (!scope.data.has(loader)) await load(loader);
      }
      const filled = scope.deferral ? deferral.fill(html) : undefined;
      if (filled !== undefined) {
        html = filled;
        continue;
      }
      // Rendered whole from here on, as many times as pages keep waiting.
      scope.deferral = undefined;
      html = renderInScope(scope, () => renderToString(tree));
    }
    return scope.deferral ? deferral.clear(html) : html;
  } finally {
    scope.deferral = undefined;
  }
}
