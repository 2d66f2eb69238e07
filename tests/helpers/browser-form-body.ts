// Form bodies byte for byte as Chromium sends them without JavaScript: urlencoded (a file input sends
// its file's name), and multipart/form-data with its boundary, where a file input with no file chosen
// is a part with `filename=""` and `Content-Type: application/octet-stream`, as the HTML spec has it.
import type { SentValue } from '../server/form-cases.ts';

export function urlencodedBody(fields: [string, SentValue][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, typeof value === 'string' ? value : fileName(value));
  return params.toString();
}

const fileName = (value: Exclude<SentValue, string>) => ('file' in value ? value.file : '');

// Chromium escapes `"` and line breaks in names and filenames as %22, %0D and %0A.
const escapeName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function multipartBody(
  fields: [string, SentValue][],
  boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW',
): { body: Uint8Array; contentType: string } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [name, value] of fields) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    let content = '';
    if (typeof value === 'string') {
      head += '\r\n\r\n';
      // Chromium normalises line breaks in text fields to CRLF.
      content = value.replace(/\r?\n/g, '\r\n');
    } else if ('file' in value) {
      head += `; filename="${escapeName(value.file)}"\r\nContent-Type: ${value.type ?? 'application/octet-stream'}\r\n\r\n`;
      content = value.content;
    } else {
      head += '; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n';
    }
    chunks.push(encoder.encode(`${head}${content}\r\n`));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
