// Property tests of the compiler over generated modules (tests/property/grammar.ts): no marker ever
// crosses to the other side, outputs parse, and illegal modules fail with a location in the input.
// `npm run fuzz` runs the same properties for thousands of cases and prints its seed.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { properties } from './check.ts';

const NUM_RUNS = 300;

describe('compiler properties', () => {
  it('a legal server module compiles for both targets, and its client stub holds no server code', () => {
    fc.assert(properties.legalServerModules, { numRuns: NUM_RUNS });
  });

  it('middleware in any position and import form never takes its body to the other side', () => {
    fc.assert(properties.clientModules, { numRuns: NUM_RUNS });
  });

  it('an illegal server module is a CompileError located inside the input', () => {
    fc.assert(properties.illegalServerModules, { numRuns: NUM_RUNS });
  });
});
