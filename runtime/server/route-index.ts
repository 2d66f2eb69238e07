// Which route each server module belongs to, so a loader or action call composes the pageUse of every
// route that gates its own, outermost first, as the page's server render does. Modules are matched to
// routes by identity: the module a route's `server: () => import(…)` gives is the one the glob gives.
import type { LoadedRoute, RouteNode, RouteTable } from '../page/routes.ts';
import type { AppConfig } from '../define.ts';
import type { MiddlewareFn } from '../middleware.ts';
import { useOf } from '../page/use-of.ts';
import { flattenRings } from './chain.ts';
import type { ModuleEntry, ServerModule } from './registry.ts';

export interface RouteIndex {
  readonly routes: RouteTable;
  /** A promise the first time (every route's server module is loaded then); undefined once done. */
  ready(): Promise<void> | undefined;
  nodeOf(module: object): RouteNode | undefined;
  /** The pageUse of each route gating the module's own route, outermost first; its own excluded. */
  outerPageUse(module: object): unknown[];
  /**
   * The server middleware around a page render, once per route: the app's, then each gating route's
   * pageUse and its layout's `use`, then the view's (the app's alone where no route matched); and the
   * same as a set, what the page's loaders skip.
   */
  pageChain(loaded: LoadedRoute | undefined): PageChain;
}

export interface PageChain {
  // `any`: the chain is typed where each middleware is defined.
  middleware: MiddlewareFn<any>[];
  skip: ReadonlySet<unknown>;
}

export function createRouteIndex(
  routes: RouteTable,
  registry: Map<string, ModuleEntry>,
  owner: string,
  app: AppConfig | undefined,
): RouteIndex {
  const nodeByModule = new Map<object, RouteNode>();
  const moduleByNode = new Map<RouteNode, ServerModule>();
  const pageChains = new WeakMap<LoadedRoute, PageChain>();
  let unmatchedChain: PageChain | undefined;
  let loading: Promise<void> | undefined;
  let done = false;

  const load = async () => {
    const listed = new Set<object>(
      await Promise.all([...registry.values()].map((entry) => entry.loaded ?? entry.load())),
    );
    for (const node of routes.nodes) {
      if (!node.definition.server) continue;
      const module = (await node.definition.server()) as ServerModule;
      if (!listed.has(module)) {
        throw new Error(
          `${owner}: the server module of route ${node.pattern} is not among the modules of its glob, so calls to it would skip the route's gates. Add it to the glob, and check that the route imports the file the glob lists.`,
        );
      }
      const other = nodeByModule.get(module);
      if (other) {
        throw new Error(
          `${owner}: routes ${other.pattern} and ${node.pattern} have the same server module. A module's pageUse composes by its route, so give each route its own.`,
        );
      }
      nodeByModule.set(module, node);
      moduleByNode.set(node, module);
    }
    done = true;
  };

  const pageUseOf = (node: RouteNode) => moduleByNode.get(node)?.pageUse;
  return {
    routes,
    ready: () => (done ? undefined : (loading ??= load())),
    nodeOf: (module) => nodeByModule.get(module),
    outerPageUse(module) {
      const node = nodeByModule.get(module);
      return node ? node.gates.filter((gate) => gate !== node).map(pageUseOf) : [];
    },
    pageChain(loaded) {
      if (!loaded) return (unmatchedChain ??= chainOf([app?.use], 'a page no route matches'));
      let chain = pageChains.get(loaded);
      if (!chain) {
        const layer = loaded.gates.flatMap((gate) => [pageUseOf(gate.node), useOf(gate.layout)]);
        const where = `the page ${loaded.node.pattern}`;
        chain = chainOf([app?.use, ...layer, useOf(loaded.view)], where);
        pageChains.set(loaded, chain);
      }
      return chain;
    },
  };
}

function chainOf(rings: unknown[], where: string): PageChain {
  const { middleware } = flattenRings(rings, where);
  return { middleware, skip: new Set(middleware) };
}
