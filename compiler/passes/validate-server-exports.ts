// Expects: a .server module, parsed. Guarantees afterwards: every runtime export is one of the legal
// names with a shape the client stub can be built from (maps are object literals with plain keys),
// or a CompileError has been thrown naming the legal list. Records the shape in `file.serverModule`.
import type { t } from '../babel.ts';
import type { FileContext } from '../context.ts';
import { errorAt } from '../errors.ts';
import { mapEntries } from '../analyze/map-entries.ts';

export const SERVER_MODULE_EXPORTS = [
  'default',
  'serverLoaders',
  'serverActions',
  'actionGuards',
  'serverGuards',
  'pageUse',
  'loaderUse',
  'actionUse',
] as const;

export type ServerModuleExport = (typeof SERVER_MODULE_EXPORTS)[number];

const MAP_EXPORTS = new Set<ServerModuleExport>(['serverLoaders', 'serverActions']);
const LEGAL_LIST = SERVER_MODULE_EXPORTS.map((name) => `\`${name}\``).join(', ');

export interface ServerExport {
  name: ServerModuleExport;
  /** For serverActions and serverLoaders: the entry names, in source order. */
  entries?: string[];
  /** For their entries written as `defineAction(fn, { … })`: the options object, for the manifest. */
  options?: Record<string, t.Node>;
  /** For serverActions and serverLoaders: the object literal's expression, wherever the map is declared. */
  value?: t.Node;
}

export interface ServerModuleShape {
  /** The statements that export values, each with what it exports, in source order. */
  statements: { statement: t.Statement; exports: ServerExport[] }[];
}

export function validateServerExports(file: FileContext): void {
  const program = file.ast.program;
  const locals = collectLocals(program);
  const statements: ServerModuleShape['statements'] = [];
  const seen = new Map<string, t.Node>();

  const legalName = (name: string, node: t.Node): ServerModuleExport => {
    if (!(SERVER_MODULE_EXPORTS as readonly string[]).includes(name)) {
      throw errorAt(
        file,
        node,
        'ILLEGAL_EXPORT',
        `\`${name}\` cannot be exported from a server module. A .server module may export only ${LEGAL_LIST} and types.`,
        `move \`${name}\` to a module without \`.server\` in its name and import it from there, or export it as a type.`,
      );
    }
    return name as ServerModuleExport;
  };

  const describe = (name: ServerModuleExport, node: t.Node, value: t.Node | null | undefined): ServerExport => {
    seen.set(name, node);
    if (!MAP_EXPORTS.has(name)) return { name };
    const options: Record<string, t.Node> = {};
    const entries = mapEntries(file, name, node, value, locals.values, options);
    return value ? { name, entries, options, value } : { name, entries, options };
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportAllDeclaration':
        if (statement.exportKind === 'type') break;
        throw errorAt(
          file,
          statement,
          'EXPORT_ALL',
          '`export *` cannot be used in a server module: the client stub is built from the export names this file shows.',
          `export ${LEGAL_LIST} from this file by name.`,
        );
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'TSInterfaceDeclaration' || declaration.type === 'TSDeclareFunction') break;
        statements.push({ statement, exports: [describe('default', statement, null)] });
        break;
      }
      case 'TSExportAssignment':
        throw errorAt(
          file,
          statement,
          'ILLEGAL_EXPORT',
          `\`export =\` cannot be used in a server module. A .server module may export only ${LEGAL_LIST} and types.`,
          'use `export default` for the page loader and named exports for the rest.',
        );
      case 'ExportNamedDeclaration': {
        if (statement.exportKind === 'type') break;
        const exports = statement.source
          ? reExportedTypesOnly(statement)
            ? []
            : rejectReExport(file, statement)
          : statement.declaration
            ? exportsOfDeclaration(file, statement.declaration, legalName, describe)
            : exportsOfSpecifiers(file, statement, locals, legalName, describe);
        if (exports.length > 0) statements.push({ statement, exports });
        break;
      }
    }
  }

  const loaders = statements.flatMap((s) => s.exports).find((e) => e.name === 'serverLoaders');
  if (seen.has('default') && loaders?.entries?.includes('default')) {
    throw errorAt(
      file,
      seen.get('serverLoaders') ?? program,
      'DUPLICATE_DEFAULT_LOADER',
      'this module has both `export default` and `serverLoaders.default`: two page loaders for one page.',
      'keep one of them: remove `export default`, or rename the `default` entry of `serverLoaders`.',
    );
  }
  file.serverModule = { statements };
}

type LegalName = (name: string, node: t.Node) => ServerModuleExport;
type Describe = (name: ServerModuleExport, node: t.Node, value: t.Node | null | undefined) => ServerExport;

function rejectReExport(file: FileContext, statement: t.ExportNamedDeclaration): never {
  throw errorAt(
    file,
    statement,
    'RE_EXPORT',
    `\`export … from '${statement.source?.value}'\` re-exports values defined elsewhere; a server module may export only what it defines (${LEGAL_LIST}).`,
    'define the export in this file, or import the other module directly where it is used.',
  );
}

/** `export { type A, type B } from '…'`: every specifier a type, so nothing is loaded or exported at run time. */
function reExportedTypesOnly(statement: t.ExportNamedDeclaration): boolean {
  return (
    statement.specifiers.length > 0 &&
    statement.specifiers.every((specifier) => specifier.type === 'ExportSpecifier' && specifier.exportKind === 'type')
  );
}

/** A namespace TypeScript emits nothing for: interfaces, type aliases and namespaces like it, at any depth. */
function holdsTypesOnly(namespace: t.TSModuleDeclaration): boolean {
  return (namespace.body?.body ?? []).every((statement) => {
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.exportKind === 'type') return true;
      if (!statement.declaration) return reExportedTypesOnly(statement);
      return isTypeDeclaration(statement.declaration);
    }
    return isTypeDeclaration(statement);
  });
}

function isTypeDeclaration(node: t.Node): boolean {
  switch (node.type) {
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return true;
    case 'TSModuleDeclaration':
      return node.declare === true || holdsTypesOnly(node);
    case 'TSImportEqualsDeclaration':
      return node.importKind === 'type';
    default:
      return 'declare' in node && node.declare === true;
  }
}

function exportsOfDeclaration(
  file: FileContext,
  declaration: t.Declaration,
  legalName: LegalName,
  describe: Describe,
): ServerExport[] {
  switch (declaration.type) {
    case 'VariableDeclaration':
      if (declaration.declare) return [];
      return declaration.declarations.map((declarator) => {
        if (declarator.id.type !== 'Identifier') {
          throw errorAt(
            file,
            declarator.id,
            'DESTRUCTURED_EXPORT',
            'a destructured export cannot be used in a server module: the client stub needs each exported name written out.',
            `declare each export by name, e.g. \`export const serverActions = { … }\`; legal names are ${LEGAL_LIST}.`,
          );
        }
        return describe(legalName(declarator.id.name, declarator.id), declarator.id, declarator.init);
      });
    case 'TSModuleDeclaration': {
      if (declaration.declare || holdsTypesOnly(declaration)) return [];
      let id: t.Node = declaration.id;
      while (id.type === 'TSQualifiedName') id = id.left;
      if (id.type !== 'Identifier') return [];
      return [describe(legalName(id.name, id), id, declaration)];
    }
    case 'TSImportEqualsDeclaration':
      if (declaration.importKind === 'type') return [];
      throw errorAt(
        file,
        declaration,
        'RE_EXPORT',
        `\`export import ${declaration.id.name} = …\` exports a value defined elsewhere; a server module may export only what it defines (${LEGAL_LIST}).`,
        'define the export in this file, e.g. `export const serverActions = { … }`; a type can be exported with `export type`.',
      );
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration': {
      if ('declare' in declaration && declaration.declare) return [];
      const id = declaration.id;
      if (id?.type !== 'Identifier') return [];
      return [describe(legalName(id.name, id), id, declaration)];
    }
    default:
      // Interfaces and type aliases: no value, nothing for the client.
      return [];
  }
}

function exportsOfSpecifiers(
  file: FileContext,
  statement: t.ExportNamedDeclaration,
  locals: Locals,
  legalName: LegalName,
  describe: Describe,
): ServerExport[] {
  const exports: ServerExport[] = [];
  for (const specifier of statement.specifiers) {
    if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
    const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
    if (locals.types.has(local)) continue;
    const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
    const name = legalName(exported, specifier.exported);
    if (!locals.values.has(local)) {
      throw errorAt(
        file,
        specifier,
        'RE_EXPORT',
        `\`${exported}\` re-exports \`${local}\`, which this module does not define (it is imported); a server module may export only what it defines.`,
        `define \`${exported}\` in this file, e.g. \`export const ${exported} = …\`.`,
      );
    }
    exports.push(describe(name, specifier.exported, locals.values.get(local)));
  }
  return exports;
}

interface Locals {
  /** Top-level values this module defines, with the initializer or declaration a map can be read from. */
  values: Map<string, t.Node | null | undefined>;
  types: Set<string>;
}

function collectLocals(program: t.Program): Locals {
  const values = new Map<string, t.Node | null | undefined>();
  const types = new Set<string>();
  for (const statement of program.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (!declaration) continue;
    switch (declaration.type) {
      case 'VariableDeclaration':
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier') values.set(declarator.id.name, declarator.init);
        }
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'TSEnumDeclaration':
        if (declaration.id) values.set(declaration.id.name, declaration);
        break;
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
        types.add(declaration.id.name);
        break;
    }
  }
  return { values, types };
}
