// The compiler writes its source maps itself, reading magic-string's chunk list (compiler/source-map.ts).
// Held here to magic-string's own `generateMap({ hires: 'boundary' })` over random text and random
// edits of every kind the passes make, so the maps stay exactly as fine-grained as they were.
import fc from 'fast-check';
import MagicString from 'magic-string';
import { expect, it } from 'vitest';
import { generateSourceMap } from '../../compiler/source-map.ts';

// Words, punctuation, both line endings, a character outside ASCII and half a surrogate pair each.
const piece = fc.constantFrom('a', 'Z', '_', '9', '$', ' ', '\t', '(', '.', '\n', '\r\n', '★', '😀', 'word', 'x1');
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const inserted = fc.array(fc.constantFrom('x', ' ', '\n', 'stub();', '{}'), { maxLength: 6 }).map((p) => p.join(''));

type Edit =
  | { kind: 'remove' | 'overwrite'; from: number; to: number; text: string }
  | { kind: 'prependLeft' | 'appendRight'; at: number; text: string }
  | { kind: 'prepend' | 'append'; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('remove' as const, 'overwrite' as const),
    from: fc.nat(),
    to: fc.nat(),
    text: inserted.filter((s) => s.length > 0),
  }),
  fc.record({ kind: fc.constantFrom('prependLeft' as const, 'appendRight' as const), at: fc.nat(), text: inserted }),
  fc.record({ kind: fc.constantFrom('prepend' as const, 'append' as const), text: inserted }),
);

function apply(edits: MagicString, length: number, change: Edit): void {
  try {
    switch (change.kind) {
      case 'prepend':
      case 'append':
        edits[change.kind](change.text);
        return;
      case 'prependLeft':
      case 'appendRight':
        edits[change.kind](change.at % (length + 1), change.text);
        return;
      default: {
        const a = change.from % (length + 1);
        const b = change.to % (length + 1);
        if (a === b) return;
        const [start, end] = a < b ? [a, b] : [b, a];
        if (change.kind === 'remove') edits.remove(start, end);
        else edits.overwrite(start, end, change.text);
      }
    }
  } catch {
    // magic-string refuses some overlaps (an overwrite across a split point): the edit is skipped.
  }
}

it("writes the same map as magic-string's generateMap in boundary mode, for any edits", () => {
  fc.assert(
    fc.property(
      text,
      fc.array(edit, { maxLength: 8 }),
      fc.constantFrom('/p/a.tsx', 'C:\\p\\a.ts'),
      (code, changes, id) => {
        const edits = new MagicString(code);
        for (const change of changes) apply(edits, code.length, change);
        const expected = edits.generateMap({ source: id, includeContent: true, hires: 'boundary' });
        expect(JSON.stringify(generateSourceMap(edits, id, code))).toBe(JSON.stringify(expected));
      },
    ),
    { numRuns: 1000 },
  );
});
