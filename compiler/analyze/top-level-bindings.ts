// The module's top-level bindings: what each name is, which statement declares it, and whether it
// is exported. The unused-import pass removes only these, and only when the change emptied them.
import type { t } from '../babel.ts';
import { MIDDLEWARE_FACTORIES, type MiddlewareFactory } from '../detect.ts';
import { namesInPattern } from './patterns.ts';

export interface TopLevelBinding {
  name: string;
  /** What removing the binding removes: an import specifier, a declarator, or a whole declaration. */
  declarator: t.Node;
  /** The top-level statement that holds the declarator. */
  statement: t.Statement;
  exported: boolean;
  /** Enums, namespaces and the like: kept whatever happens, since their removal is not ours to judge. */
  removable: boolean;
}

export interface RuntimeImports {
  /** Local name -> factory, for `import { defineServerMiddleware as dsm } from 'hono-preact-actions'`. */
  factories: Map<string, MiddlewareFactory>;
  /** Local names of `import * as hpa from 'hono-preact-actions'` (and `import hpa = require(…)`). */
  namespaces: Set<string>;
  /** Statements that hand a factory on to other modules: `export { defineServerMiddleware } from …`, `export *`. */
  reExports: { node: t.Node; written: string }[];
}

export function collectTopLevelBindings(program: t.Program): Map<string, TopLevelBinding> {
  const bindings = new Map<string, TopLevelBinding>();
  const add = (name: string, declarator: t.Node, statement: t.Statement, exported: boolean, removable = true) =>
    bindings.set(name, { name, declarator, statement, exported, removable });

  for (const statement of program.body) {
    const exported = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    const declaration = exported ? statement.declaration : statement;
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type' || statement.importKind === 'typeof') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        add(specifier.local.name, specifier, statement, false);
      }
      continue;
    }
    if (!declaration) continue;
    switch (declaration.type) {
      case 'VariableDeclaration':
        if (declaration.declare) break;
        for (const declarator of declaration.declarations) {
          for (const name of namesInPattern(declarator.id)) add(name, declarator, statement, exported);
        }
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        if (declaration.id && !('declare' in declaration && declaration.declare)) {
          add(declaration.id.name, declaration, statement, exported);
        }
        break;
      case 'TSEnumDeclaration':
        add(declaration.id.name, declaration, statement, exported, false);
        break;
      case 'TSModuleDeclaration':
        if (declaration.id.type === 'Identifier') add(declaration.id.name, declaration, statement, exported, false);
        break;
      case 'TSImportEqualsDeclaration':
        if (declaration.importKind !== 'type') add(declaration.id.name, declaration, statement, exported);
        break;
    }
  }

  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier' || specifier.local.type !== 'Identifier') continue;
      const binding = bindings.get(specifier.local.name);
      if (binding) binding.exported = true;
    }
  }
  return bindings;
}

/** The factories and namespaces imported from our runtime (or a module the user says re-exports it). */
export function collectRuntimeImports(program: t.Program, runtimeModules: ReadonlySet<string>): RuntimeImports {
  const factories = new Map<string, MiddlewareFactory>();
  const namespaces = new Set<string>();
  const reExports: RuntimeImports['reExports'] = [];
  const isFactory = (name: string) => Object.hasOwn(MIDDLEWARE_FACTORIES, name);
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'TSImportEqualsDeclaration' && declaration.importKind !== 'type') {
      const reference = declaration.moduleReference;
      if (reference.type === 'TSExternalModuleReference' && runtimeModules.has(reference.expression.value)) {
        namespaces.add(declaration.id.name);
      }
      continue;
    }
    if (statement.type === 'ExportAllDeclaration') {
      if (statement.exportKind !== 'type' && runtimeModules.has(statement.source.value)) {
        reExports.push({ node: statement, written: `export * from '${statement.source.value}'` });
      }
      continue;
    }
    if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.exportKind !== 'type') {
      if (!runtimeModules.has(statement.source.value)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ExportNamespaceSpecifier') {
          reExports.push({ node: specifier, written: `* as ${nameOf(specifier.exported)}` });
        } else if (specifier.type === 'ExportSpecifier' && specifier.exportKind !== 'type') {
          const name = nameOf(specifier.local);
          if (isFactory(name)) reExports.push({ node: specifier, written: name });
        }
      }
      continue;
    }
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    if (!runtimeModules.has(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportNamespaceSpecifier') {
        namespaces.add(specifier.local.name);
      } else if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type') {
        const imported = nameOf(specifier.imported);
        if (isFactory(imported)) factories.set(specifier.local.name, imported as MiddlewareFactory);
      }
    }
  }
  // `import { defineServerMiddleware } from …; export { defineServerMiddleware }` hands it on as well.
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source || statement.exportKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
      const local = nameOf(specifier.local);
      if (factories.has(local) || namespaces.has(local)) reExports.push({ node: specifier, written: local });
    }
    if (statement.declaration?.type === 'TSImportEqualsDeclaration' && namespaces.has(statement.declaration.id.name)) {
      reExports.push({ node: statement, written: statement.declaration.id.name });
    }
  }
  return { factories, namespaces, reExports };
}

function nameOf(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
