// The shapes through which server code could leave by a side door, read from single nodes: a module
// specifier written as a constant, `new URL('./x.server.ts', import.meta.url)`, and an
// `import x = a.b.c` alias. The walk in analyze-file.ts decides what each means where it is found.
import type { t } from '../babel.ts';
import { MIDDLEWARE_FACTORIES, SERVER_MODULE_SPECIFIER } from '../detect.ts';

/** `'x'` or `` `x` ``: a specifier a bundler can read without running anything. */
export function staticSpecifier(node: t.Node | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The server module a `new URL(…, import.meta.url)` points at, which bundlers turn into an asset of its bytes. */
export function serverModuleUrl(node: t.NewExpression): string | null {
  const [target, base] = node.arguments;
  const specifier = staticSpecifier(target);
  const isMetaUrl =
    base?.type === 'MemberExpression' &&
    base.object.type === 'MetaProperty' &&
    base.property.type === 'Identifier' &&
    base.property.name === 'url';
  return node.callee.type === 'Identifier' &&
    node.callee.name === 'URL' &&
    isMetaUrl &&
    specifier !== undefined &&
    SERVER_MODULE_SPECIFIER.test(specifier)
    ? specifier
    : null;
}

/** `import dsm = hpa.defineServerMiddleware`: the name it starts from, and whether it reaches a factory. */
export function aliasOf(reference: t.TSEntityName): {
  head: t.Identifier | null;
  namesFactory: boolean;
  written: string;
} {
  let head: t.Node = reference;
  let namesFactory = false;
  const parts: string[] = [];
  while (head.type === 'TSQualifiedName') {
    namesFactory ||= Object.hasOwn(MIDDLEWARE_FACTORIES, head.right.name);
    parts.unshift(head.right.name);
    head = head.left;
  }
  const identifier = head.type === 'Identifier' ? head : null;
  return { head: identifier, namesFactory, written: [identifier?.name ?? '…', ...parts].join('.') };
}
