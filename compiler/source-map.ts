// The output's source map, read straight off the edit buffer's chunk list: the same mappings that
// magic-string's `generateMap({ hires: 'boundary' })` writes (a segment at the start of every word and
// at every other character of unedited source, one per line of inserted text), encoded as it walks,
// with no array per segment. It was the largest cost of a compile after the parse itself.
import MagicString, { SourceMap } from 'magic-string';

/** The fields of magic-string's chunk list the map is read from; tests hold it to `generateMap`. */
interface Chunk {
  start: number;
  end: number;
  intro: string;
  outro: string;
  content: string;
  edited: boolean;
  next: Chunk | null;
}

interface ChunkList {
  original: string;
  intro: string;
  outro: string;
  firstChunk: Chunk;
  storedNames: ReadonlySet<string>;
}

const NEWLINE = 10;
const SEMICOLON = 59;
const COMMA = 44;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64, (char) => char.charCodeAt(0));
/** `[a-zA-Z0-9_]`: a run of these maps at its first character, as magic-string's boundary mode does. */
const WORD = new Uint8Array(128);
for (const char of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') WORD[char.charCodeAt(0)] = 1;
const decoder = new TextDecoder();

/** A growable byte buffer for the `mappings` string, kept between calls (compiles do not overlap). */
let bytes = new Uint8Array(1 << 16);

class MappingsWriter {
  private position = 0;
  private needsComma = false;
  generatedColumn = 0;
  private previousGeneratedColumn = 0;
  private previousLine = 0;
  private previousColumn = 0;

  segment(line: number, column: number): void {
    if (this.position + 32 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes.subarray(0, this.position));
      bytes = grown;
    }
    if (this.needsComma) bytes[this.position++] = COMMA;
    this.needsComma = true;
    this.vlq(this.generatedColumn - this.previousGeneratedColumn);
    // One source, index 0: its delta is always 0 after the first segment, and the first is 0 too.
    bytes[this.position++] = 65;
    this.vlq(line - this.previousLine);
    this.vlq(column - this.previousColumn);
    this.previousGeneratedColumn = this.generatedColumn;
    this.previousLine = line;
    this.previousColumn = column;
  }

  newLine(): void {
    if (this.position + 1 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2);
      grown.set(bytes.subarray(0, this.position));
      bytes = grown;
    }
    bytes[this.position++] = SEMICOLON;
    this.needsComma = false;
    this.generatedColumn = 0;
    this.previousGeneratedColumn = 0;
  }

  /** Moves past inserted text that maps nowhere. */
  advance(text: string): void {
    if (!text) return;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newLine();
    this.generatedColumn += text.length - text.lastIndexOf('\n') - 1;
  }

  finish(): string {
    return decoder.decode(bytes.subarray(0, this.position));
  }

  private vlq(value: number): void {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      bytes[this.position++] = BASE64_CODES[digit] as number;
    } while (rest > 0);
  }
}

/** Offsets at which each line starts, for the line and column of a chunk's start. */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offset < (starts[middle] as number)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/**
 * The map of `edits` for the source `source`, carrying `content` as its `sourcesContent`. Equal to
 * `edits.generateMap({ source, includeContent: true, hires: 'boundary' })` with that content.
 */
export function generateSourceMap(edits: MagicString, source: string, content: string): SourceMap {
  const list = edits as unknown as ChunkList;
  // Stored names would add a fifth field; no pass stores one, but the general path stays correct.
  if (list.storedNames.size > 0) {
    const map = edits.generateMap({ source, includeContent: true, hires: 'boundary' });
    map.sourcesContent = [content];
    return map;
  }
  const code = list.original;
  const starts = lineStarts(code);
  const out = new MappingsWriter();
  out.advance(list.intro);
  for (let chunk: Chunk | null = list.firstChunk; chunk; chunk = chunk.next) {
    out.advance(chunk.intro);
    let line = lineOf(starts, chunk.start);
    let column = chunk.start - (starts[line] as number);
    if (!chunk.edited) {
      let inWord = false;
      for (let i = chunk.start; i < chunk.end; i++) {
        const char = code.charCodeAt(i);
        if (char === NEWLINE) {
          line++;
          column = 0;
          out.newLine();
          inWord = false;
          continue;
        }
        if (char < 128 && WORD[char] === 1) {
          if (!inWord) out.segment(line, column);
          inWord = true;
        } else {
          out.segment(line, column);
          inWord = false;
        }
        column++;
        out.generatedColumn++;
      }
    } else if (chunk.content) {
      // One segment per line of the inserted text, each pointing at the start of what it replaced.
      const text = chunk.content;
      let lineStart = 0;
      for (let end = text.indexOf('\n'); end !== -1 && end < text.length - 1; end = text.indexOf('\n', end + 1)) {
        out.segment(line, column);
        out.newLine();
        lineStart = end + 1;
      }
      out.segment(line, column);
      out.advance(text.slice(lineStart));
    }
    out.advance(chunk.outro);
  }
  out.advance(list.outro);
  return new SourceMap({
    file: undefined,
    sources: [source.replaceAll('\\', '/')],
    sourcesContent: [content],
    names: [],
    mappings: out.finish(),
  });
}
