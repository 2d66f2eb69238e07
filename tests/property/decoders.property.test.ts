// The decoders' properties for a few hundred cases each (`npm run fuzz` runs thousands, seed printed).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { decoderProperties } from './decoders.ts';

const RUNS = { hostileRpcBodies: 200, hostilePagePosts: 100, mutatedBodies: 300 };

for (const [name, property] of Object.entries(decoderProperties)) {
  it(`${name}: refused with a 4xx in time, never a 500, never running the unit`, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(property as fc.IAsyncProperty<[unknown]>, { numRuns: RUNS[name as keyof typeof RUNS] });
    // No collection is forced here, so the bound is loose: what it catches is a body kept whole per case.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
}
