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

/** The `mappings` string's bytes, kept between calls (compiles do not overlap) and grown on demand. */
let bytes: Uint8Array = new Uint8Array(1 << 16);

/** Room for one more segment: a comma and four VLQs of at most 7 digits each. */
const SEGMENT_ROOM = 32;

function grow(used: number): Uint8Array {
  const grown = new Uint8Array(bytes.length * 2);
  grown.set(bytes.subarray(0, used));
  bytes = grown;
  return grown;
}

function writeVlq(buffer: Uint8Array, position: number, value: number): number {
  if (value >= 0 && value < 16) {
    buffer[position] = BASE64_CODES[value << 1] as number;
    return position + 1;
  }
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    buffer[position++] = BASE64_CODES[digit] as number;
  } while (rest > 0);
  return position;
}

class MappingsWriter {
  private position = 0;
  private needsComma = false;
  private generatedColumn = 0;
  private previousGeneratedColumn = 0;
  private previousLine = 0;
  private previousColumn = 0;

  segment(line: number, column: number): void {
    const buffer = this.position + SEGMENT_ROOM > bytes.length ? grow(this.position) : bytes;
    let position = this.position;
    if (this.needsComma) buffer[position++] = COMMA;
    this.needsComma = true;
    position = writeVlq(buffer, position, this.generatedColumn - this.previousGeneratedColumn);
    // One source, index 0: its delta is always 0.
    buffer[position++] = 65;
    position = writeVlq(buffer, position, line - this.previousLine);
    this.position = writeVlq(buffer, position, column - this.previousColumn);
    this.previousGeneratedColumn = this.generatedColumn;
    this.previousLine = line;
    this.previousColumn = column;
  }

  newLine(): void {
    if (this.position + 1 > bytes.length) grow(this.position);
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

  /**
   * Source kept as it was, from `start` (at `line`:`column`) to `end`: a segment at the first character
   * of every word and at every other character but a newline. The hot loop: its state is in locals, and
   * a segment a few characters after the one before it on the same line (most of them) is five bytes
   * written at once, since its generated and source columns move together.
   */
  keptSource(code: string, start: number, end: number, line: number, column: number): void {
    let buffer = bytes;
    let position = this.position;
    let needsComma = this.needsComma;
    // At offset i on the current line, the generated column is generatedBase + i and the source column sourceBase + i.
    let generatedBase = this.generatedColumn - start;
    let sourceBase = column - start;
    let previousGeneratedColumn = this.previousGeneratedColumn;
    let previousLine = this.previousLine;
    let previousColumn = this.previousColumn;
    // The offset of the segment before, while it lies on this line of this chunk; else -1.
    let last = -1;
    let inWord = false;
    for (let i = start; i < end; i++) {
      const char = code.charCodeAt(i);
      if (char === NEWLINE) {
        if (last !== -1) previousColumn = sourceBase + last;
        if (position + 1 > buffer.length) buffer = grow(position);
        buffer[position++] = SEMICOLON;
        needsComma = false;
        generatedBase = sourceBase = -(i + 1);
        previousGeneratedColumn = 0;
        line++;
        last = -1;
        inWord = false;
        continue;
      }
      const isWord = char < 128 && WORD[char] === 1;
      if (!isWord || !inWord) {
        if (position + SEGMENT_ROOM > buffer.length) buffer = grow(position);
        const distance = i - last;
        if (last !== -1 && distance < 16) {
          const digit = BASE64_CODES[distance << 1] as number;
          buffer[position] = COMMA;
          buffer[position + 1] = digit;
          buffer[position + 2] = 65;
          buffer[position + 3] = 65;
          buffer[position + 4] = digit;
          position += 5;
        } else {
          if (last !== -1) {
            previousGeneratedColumn = generatedBase + last;
            previousColumn = sourceBase + last;
          }
          if (needsComma) buffer[position++] = COMMA;
          position = writeVlq(buffer, position, generatedBase + i - previousGeneratedColumn);
          buffer[position++] = 65;
          position = writeVlq(buffer, position, line - previousLine);
          position = writeVlq(buffer, position, sourceBase + i - previousColumn);
          previousLine = line;
        }
        needsComma = true;
        last = i;
      }
      inWord = isWord;
    }
    if (last !== -1) {
      previousGeneratedColumn = generatedBase + last;
      previousColumn = sourceBase + last;
    }
    this.position = position;
    this.needsComma = needsComma;
    this.generatedColumn = generatedBase + end;
    this.previousGeneratedColumn = previousGeneratedColumn;
    this.previousLine = previousLine;
    this.previousColumn = previousColumn;
  }

  finish(): string {
    return decoder.decode(bytes.subarray(0, this.position));
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
  // Stored names would add a fifth field; no pass stores one, but the general path stays correct. The
  // chunk list is not magic-string's public API: should a release rename it, its own map is used.
  if (!(list.firstChunk && list.storedNames instanceof Set) || list.storedNames.size > 0) {
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
    const line = lineOf(starts, chunk.start);
    const column = chunk.start - (starts[line] as number);
    if (!chunk.edited) {
      out.keptSource(code, chunk.start, chunk.end, line, column);
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
