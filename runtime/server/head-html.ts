// The server half of <Head>: the tags a rendered page asked for, written into the document's head in
// place of the document's own title and same-named meta tags.
import type { HeadTags } from '../page/head.ts';

export function withHead(document: string, head: HeadTags | undefined): string {
  if (!head) return document;
  let tags = '';
  if (head.title !== undefined) {
    document = document.replace(/<title[\s>][\s\S]*?<\/title>/, '');
    tags += `<title>${escapeHtml(head.title)}</title>`;
  }
  for (const [name, content] of Object.entries(head.meta ?? {})) {
    const escaped = escapeHtml(name);
    document = document.replace(new RegExp(`<meta name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`), '');
    tags += `<meta name="${escaped}" content="${escapeHtml(content)}">`;
  }
  return document.includes('</head>') ? document.replace('</head>', `${tags}</head>`) : tags + document;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
