// defineRoutes: the route tree, its matching, and which routes gate which. Isomorphic: the server
// matches a request's path with it and composes the page layer; the client's <RouteTable> matches each
// navigation with it. Patterns are compared by shape (`/admin/:` for `/admin/:id`), so a parameter
// at the same position is the same segment whatever each route names it.
import type { ComponentType } from 'preact';

// `any`: a module's default export is any component; its props are the route's business.
type ViewModule = { default: ComponentType<any> };

/**
 * The parameters a path pattern gives, for typing a view or a loader:
 * `RouteParams<'/projects/:projectId/files/*'>` is `{ projectId: string; '*': string }`.
 */
export type RouteParams<Pattern extends string> = {
  [
    Segment in PatternSegments<Pattern> as Segment extends `:${infer Name}` ? Name : Segment extends '*' ? '*' : never
  ]: string;
};

type PatternSegments<Pattern extends string> = Pattern extends `${infer Head}/${infer Rest}`
  ? Head | PatternSegments<Rest>
  : Pattern;

export interface RouteDefinition {
  /** `/admin`, `users/:id` (relative to the parent), `/admin/users/:id` (absolute), `*` (the rest). */
  path: string;
  /** The page: `() => import('./users.tsx')`. */
  view?: () => Promise<ViewModule>;
  /** Wraps the views below it (its `children` prop): `() => import('./layout.tsx')`. */
  layout?: () => Promise<ViewModule>;
  /** The route's server module, whose `pageUse` gates this route and every route under it. */
  server?: () => Promise<unknown>;
  children?: readonly RouteDefinition[];
}

export interface RouteNode {
  /** The full pattern, e.g. `/admin/users/:id`. */
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly definition: RouteDefinition;
  /** The tree's ancestors and this route, outermost first: whose layouts wrap its view. */
  readonly chain: readonly RouteNode[];
  /**
   * Every route whose page layer runs for this one, outermost first, this one last: its chain, and any
   * layout route declared elsewhere whose pattern is a prefix of this one's (a gate is never bypassed
   * by where a route is declared).
   */
  readonly gates: readonly RouteNode[];
}

export interface RouteMatch {
  node: RouteNode;
  /** The path's parameters, under the names of every gating route (`:projectId` and `:id` alike). */
  params: Record<string, string>;
}

export interface RouteTable {
  readonly nodes: readonly RouteNode[];
  /** The route a path shows (static segments beat parameters, parameters beat `*`), or null. */
  match(path: string): RouteMatch | null;
  /** The components a match renders or gates with: gating layouts' and the view, loaded (and cached). */
  load(match: RouteMatch): Promise<LoadedRoute>;
  /** The same, when already loaded: the first client render hydrates synchronously with it. */
  loaded(match: RouteMatch): LoadedRoute | undefined;
  /** Loads the current path's components, so the first client render can hydrate synchronously. */
  preload(path: string): Promise<void>;
}

export interface LoadedRoute {
  node: RouteNode;
  /** The layouts that wrap the view (outermost first), then the view. */
  rendered: ComponentType<any>[];
  /** Each gating route with its layout, outermost first: where the page layer's `use` arrays come from. */
  gates: { node: RouteNode; layout?: ComponentType<any> }[];
  view: ComponentType<any>;
}

export function defineRoutes(definitions: readonly RouteDefinition[]): RouteTable {
  const nodes: RouteNode[] = [];
  const visit = (definition: RouteDefinition, parent: RouteNode | undefined) => {
    const segments = segmentsOf(definition, parent);
    const chain = [...(parent?.chain ?? [])];
    const node: RouteNode = { pattern: `/${segments.join('/')}`, segments, definition, chain, gates: [] };
    chain.push(node);
    if (!definition.view && !definition.children?.length) {
      let message = `defineRoutes: ${node.pattern} shows nothing`;
      // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
      try {
        if (process.env.NODE_ENV !== 'production')
          message = `defineRoutes: route ${node.pattern} has neither a view nor children, so nothing can show it.`;
      } catch {}
      throw new Error(message);
    }
    nodes.push(node);
    for (const child of definition.children ?? []) visit(child, node);
  };
  for (const definition of definitions) visit(definition, undefined);

  for (const node of nodes) {
    const gates = new Set(node.chain);
    for (const other of nodes) {
      if (
        (other.definition.layout || other.definition.children?.length) &&
        startsWithShape(node.segments, other.segments)
      )
        gates.add(other);
    }
    (node as { gates: readonly RouteNode[] }).gates = [...gates].sort(
      (a, b) => a.segments.length - b.segments.length || a.chain.length - b.chain.length,
    );
  }

  const pages = nodes.filter((node) => node.definition.view).sort(bySpecificity);
  // Two pages of one shape would match the same paths, the later one never.
  const pageByShape = new Map<string, RouteNode>();
  for (const node of pages) {
    const shape = shapeOf(node.segments);
    const before = pageByShape.get(shape);
    if (before) {
      let message = `defineRoutes: ${before.pattern} and ${node.pattern} overlap`;
      // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
      try {
        if (process.env.NODE_ENV !== 'production')
          message = `defineRoutes: ${before.pattern} and ${node.pattern} match the same paths. Keep one of them (parameters at the same position are the same segment).`;
      } catch {}
      throw new Error(message);
    }
    pageByShape.set(shape, node);
  }

  const loadedRoutes = new Map<RouteNode, LoadedRoute>();
  const loadView = async (importer: () => Promise<ViewModule>) => {
    const component = (await importer()).default;
    if (typeof component !== 'function') {
      let message = 'defineRoutes: no default export';
      // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
      try {
        if (process.env.NODE_ENV !== 'production')
          message = 'defineRoutes: a view or layout module has no default-exported component.';
      } catch {}
      throw new TypeError(message);
    }
    return component;
  };

  const routes: RouteTable = {
    nodes,
    match(path) {
      const parts = splitPath(path);
      for (const node of pages) {
        const params = paramsOf(node, parts);
        if (params) return { node, params };
      }
      return null;
    },
    async load({ node }) {
      let route = loadedRoutes.get(node);
      if (!route) {
        const [gates, view] = await Promise.all([
          Promise.all(
            node.gates.map(async (gate) => ({
              node: gate,
              layout: gate.definition.layout && (await loadView(gate.definition.layout)),
            })),
          ),
          loadView(node.definition.view as () => Promise<ViewModule>),
        ]);
        const layouts = gates.filter((gate) => gate.layout && node.chain.includes(gate.node));
        route = { node, rendered: [...layouts.map((gate) => gate.layout as ComponentType<any>), view], gates, view };
        loadedRoutes.set(node, route);
      }
      return route;
    },
    loaded: (match) => loadedRoutes.get(match.node),
    async preload(path) {
      const match = routes.match(path);
      if (match) await routes.load(match);
    },
  };
  return routes;
}

function segmentsOf(definition: RouteDefinition, parent: RouteNode | undefined): string[] {
  if (typeof definition.path !== 'string') {
    let message = 'defineRoutes: no path';
    // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
    try {
      if (process.env.NODE_ENV !== 'production') message = 'defineRoutes: every route needs a string path.';
    } catch {}
    throw new TypeError(message);
  }
  const above = definition.path.startsWith('/') ? [] : (parent?.segments ?? []);
  const segments = [...above, ...splitPath(definition.path)];
  // An absolute child path restates its parent's (a relative one does by construction); by shape, so
  // `:projectId` and `:id` agree.
  if (parent && !startsWithShape(segments, parent.segments)) {
    let message = `defineRoutes: ${definition.path} is not under ${parent.pattern}`;
    // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
    try {
      if (process.env.NODE_ENV !== 'production')
        message = `defineRoutes: ${definition.path} is declared under ${parent.pattern} but does not start with it. Write it relative (without the leading /) or move it.`;
    } catch {}
    throw new Error(message);
  }
  return segments;
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/**
 * Segments' shape: each segment itself when static (`*` included), `:` for a parameter, and a `/` after
 * each, so that one shape begins with another exactly when its path is under the other's.
 */
function shapeOf(segments: readonly string[]): string {
  return segments.map((segment) => (segment.startsWith(':') ? ':' : segment) + '/').join('');
}

/** Whether `segments` begin with `prefix`'s shape: the one comparison behind gates and absolute paths. */
function startsWithShape(segments: readonly string[], prefix: readonly string[]): boolean {
  return shapeOf(segments).startsWith(shapeOf(prefix));
}

/** Static segments first, then parameters, then `*`; position by position, a route before its own prefix. */
function bySpecificity(a: RouteNode, b: RouteNode): number {
  // A digit per segment: compared as strings, the first difference decides, and a prefix comes after.
  const rank = (node: RouteNode) =>
    node.segments.map((segment) => (segment === '*' ? 1 : segment.startsWith(':') ? 2 : 3)).join('');
  return rank(b).localeCompare(rank(a));
}

/**
 * The parameters a path gives a route used as a prefix (a layout's loader on a deeper path), or null.
 * Server code: a function of its own rather than a member of the table, so client bundles leave it out.
 */
export function paramsAt(node: RouteNode, path: string): Record<string, string> | null {
  const parts = splitPath(path);
  return paramsOf(node, node.segments.at(-1) === '*' ? parts : parts.slice(0, node.segments.length));
}

/** The node's (and its gates') parameters for these path parts, or null when it does not match them. */
function paramsOf(node: RouteNode, parts: string[]): Record<string, string> | null {
  const { segments } = node;
  const splat = segments.at(-1) === '*';
  const fixed = splat ? segments.length - 1 : segments.length;
  if (splat ? parts.length < fixed : parts.length !== fixed) return null;
  for (let i = 0; i < fixed; i++) {
    const segment = segments[i] as string;
    if (!segment.startsWith(':') && segment !== parts[i]) return null;
  }
  const params: Record<string, string> = Object.create(null);
  try {
    for (const gate of node.gates) {
      gate.segments.forEach((segment, i) => {
        if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(parts[i] as string);
      });
    }
    if (splat) params['*'] = parts.slice(fixed).map(decodeURIComponent).join('/');
  } catch {
    return null; // a malformed %-escape matches nothing
  }
  return params;
}
