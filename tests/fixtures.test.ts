// Runs every folder of fixtures/ through the compiler for both targets and compares the outputs with
// the files beside the input (toMatchFileSnapshot), so expected outputs are real, reviewable source.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parserPluginsFor } from '../compiler/babel.ts';
import { CompileError, compile, type Target } from '../compiler/index.ts';
import { parseOutput } from './helpers/parse-output.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const PROJECT = '/project';
const OUTPUT_FILE = /^(?:client|server)\.[cm]?[jt]sx?$|^error\.txt$/;
// What must never reach a target, by the naming convention of STYLE.md.
const FORBIDDEN: Record<Target, RegExp> = { client: /secret|_server/i, server: /clientOnly/ };

interface Fixture {
  name: string;
  dir: string;
  input: string;
  extension: string;
  options: { id: string; root: string; runtimeModules: string[]; targets: Target[] };
}

/** Options come from a first-line comment: `// @id pages/movies.server.ts @root pages @target client`. */
function readFixture(name: string): Fixture {
  const dir = join(FIXTURES, name);
  const files = readdirSync(dir);
  const inputs = files.filter((file) => file.startsWith('input.'));
  if (inputs.length !== 1) throw new Error(`fixtures/${name} needs exactly one input.* file, found ${inputs.length}`);
  const stray = files.filter((file) => !file.startsWith('input.') && !OUTPUT_FILE.test(file));
  if (stray.length > 0) throw new Error(`fixtures/${name} has files the runner does not know: ${stray.join(', ')}`);
  const inputFile = inputs[0] as string;
  const input = readFileSync(join(dir, inputFile), 'utf8');
  const extension = extname(inputFile);
  const directives = new Map<string, string>();
  const firstLine = input.split('\n', 1)[0] ?? '';
  for (const match of firstLine.matchAll(/@(\w+)\s+(\S+)/g)) directives.set(match[1] as string, match[2] as string);
  const target = directives.get('target');
  return {
    name,
    dir,
    input,
    extension,
    options: {
      id: `${PROJECT}/${directives.get('id') ?? `src/${name}${extension}`}`,
      root: `${PROJECT}/${directives.get('root') ?? 'src'}`,
      runtimeModules: directives.get('runtimeModules')?.split(',') ?? [],
      targets: target ? [target as Target] : ['client', 'server'],
    },
  };
}

function run(fixture: Fixture, target: Target) {
  try {
    return { result: compile(fixture.input, { ...fixture.options, projectRoot: PROJECT, target }) };
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return { error };
  }
}

const names = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('compiler fixtures', () => {
  it('has at least 40 cases, each with its input', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const name of names) expect(() => readFixture(name)).not.toThrow();
  });

  for (const name of names) {
    describe(name, () => {
      const fixture = readFixture(name);
      const expectsError = readdirSync(fixture.dir).includes('error.txt') || name.startsWith('error-');

      for (const target of fixture.options.targets) {
        it(`${target} target`, async () => {
          const outcome = run(fixture, target);
          if (expectsError) {
            expect(outcome.error, 'expected a CompileError').toBeInstanceOf(CompileError);
            const error = outcome.error as CompileError;
            expect(error.message.startsWith(`${fixture.options.id}:${error.loc.line}:${error.loc.column + 1}: `)).toBe(
              true,
            );
            expect(error.frame).toContain('>');
            expect(error.message).toContain('\nFix: ');
            await expect(`${error.format()}\n`).toMatchFileSnapshot(join(fixture.dir, 'error.txt'));
            return;
          }
          if (outcome.error) throw outcome.error;
          const output = outcome.result?.code ?? fixture.input;
          // null means "no change": an output equal to its input must have come back as null.
          expect(outcome.result === null, 'null result <=> unchanged output').toBe(output === fixture.input);
          expect(() => parseOutput(output, parserPluginsFor(fixture.extension))).not.toThrow();
          expect(output).not.toMatch(FORBIDDEN[target]);
          await expect(output).toMatchFileSnapshot(join(fixture.dir, `${target}${fixture.extension}`));
        });
      }
    });
  }
});
