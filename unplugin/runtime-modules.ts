// `runtimeModules` names files, not spellings: each listed specifier is resolved once per build with the
// bundler's own resolver (aliases, extensions, index files), and a module that mentions a factory has its
// imports resolved the same way, so `../lib/actions.ts` counts when `@/lib/actions` is listed. The listed
// files themselves go to the compiler too, which lets them (and only them) hand the factories on.
import { dirname, join } from 'node:path';
import { mayNeedCompile, RUNTIME_MODULE, stripQuery } from '../compiler/index.ts';

type Resolve = (specifier: string, importer: string) => Promise<string | null>;

// Import specifiers as written: `from '…'`, `import '…'`, `import('…')`, `require('…')`. Over-matching
// (a string in a comment) costs one resolve; the compiler still reads only real imports.
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])([^'"\n]+)\1/g;

export function createRuntimeModules(listed: readonly string[]) {
  // The listed specifiers, resolved from the project root and from each module that needed them: a
  // resolver's aliases may depend on where it starts (esbuild reads the tsconfig nearest the importer).
  const files = new Set<string>();
  const resolveListed = async (resolve: Resolve, importer: string) => {
    for (const file of await Promise.all(listed.map((specifier) => resolve(specifier, importer)))) {
      if (file !== null) files.add(stripQuery(file));
    }
  };
  let fromRoot: Promise<void> | undefined;
  const listedFiles = async (resolve: Resolve, projectRoot: string, importer: string) => {
    fromRoot ??= resolveListed(resolve, join(projectRoot, 'index.ts'));
    await Promise.all([fromRoot, resolveListed(resolve, importer)]);
    return files;
  };

  return {
    startBuild() {
      files.clear();
      fromRoot = undefined;
    },
    /**
     * What the compiler should take for our runtime in this file: specifiers as this file spells them, and
     * files. Only what needs the bundler's resolver is a promise: with nothing listed, the file is compiled
     * in the same turn, so the transform hook is synchronous.
     */
    forFile(context: unknown, code: string, id: string, projectRoot: string): string[] | Promise<string[]> {
      if (listed.length === 0 || !mayNeedCompile(code, id)) return [...listed];
      const resolve = resolverFor(context);
      if (!resolve) return [...listed];
      return resolveForFile(resolve, code, id, projectRoot);
    },
  };

  async function resolveForFile(resolve: Resolve, code: string, id: string, projectRoot: string): Promise<string[]> {
    const runtimeFiles = await listedFiles(resolve, projectRoot, stripQuery(id));
    const written = new Set<string>();
    for (const match of code.matchAll(SPECIFIER)) written.add(match[2] as string);
    const spelled = await Promise.all(
      [...written]
        .filter((specifier) => specifier !== RUNTIME_MODULE && !listed.includes(specifier))
        .map(async (specifier) => {
          const file = await resolve(specifier, stripQuery(id));
          return file !== null && runtimeFiles.has(stripQuery(file)) ? specifier : null;
        }),
    );
    return [...listed, ...runtimeFiles, ...spelled.filter((s): s is string => s !== null)];
  }
}

interface ResolveContexts {
  resolve?: (
    source: string,
    importer: string,
    options: { skipSelf: boolean },
  ) => Promise<{ id: string; external?: boolean | string } | null>;
  getNativeBuildContext?: () => {
    framework: string;
    build?: {
      resolve(
        path: string,
        options: { resolveDir: string; kind: 'import-statement' },
      ): Promise<{ path: string; errors: unknown[] }>;
    };
    loaderContext?: {
      getResolve(options?: object): (context: string, request: string) => Promise<string | false>;
    };
  };
}

/** The bundler's own resolver: Vite, Rollup and Rolldown's `this.resolve`, esbuild's `build.resolve`, webpack and rspack's loader resolver. */
function resolverFor(context: unknown): Resolve | null {
  const ctx = context as ResolveContexts;
  const quiet = (resolving: Promise<string | null>) => resolving.catch(() => null);
  const native = ctx.getNativeBuildContext?.();
  if (native?.build) {
    const { build } = native;
    return (specifier, importer) =>
      quiet(
        build
          .resolve(specifier, { resolveDir: dirname(importer), kind: 'import-statement' })
          .then((result) => (result.errors.length === 0 && result.path ? result.path : null)),
      );
  }
  if (native?.loaderContext) {
    const resolve = native.loaderContext.getResolve({});
    return (specifier, importer) => quiet(resolve(dirname(importer), specifier).then((path) => path || null));
  }
  if (typeof ctx.resolve === 'function') {
    const resolve = ctx.resolve.bind(ctx);
    return (specifier, importer) =>
      quiet(
        resolve(specifier, importer, { skipSelf: true }).then((result) =>
          result && !result.external ? result.id : null,
        ),
      );
  }
  return null;
}
