// The properties, shared by the test (a few hundred cases) and scripts/fuzz.ts (thousands).
import { parse } from '@babel/parser';
import fc from 'fast-check';
import { parserPluginsFor } from '../../compiler/babel.ts';
import { CompileError, compile, type Target } from '../../compiler/index.ts';
import { clientModule, type Generated, illegalServerModule, legalServerModule } from './grammar.ts';

const ROOT = '/project/src/pages';

function run(generated: Generated & { runtimeModules?: string[] }, target: Target, server: boolean) {
  const id = `${ROOT}/${server ? 'movies.server' : 'page'}${generated.extension}`;
  const result = compile(generated.code, { id, target, root: ROOT, runtimeModules: generated.runtimeModules });
  const output = result?.code ?? generated.code;
  parse(output, { sourceType: 'module', plugins: parserPluginsFor(generated.extension) });
  return output;
}

/** Client output holds no server marker and parses; server output holds no client marker and parses. */
function neverLeaks(generated: Generated & { runtimeModules?: string[] }, server: boolean): boolean {
  const client = run(generated, 'client', server);
  if (/SECRET/.test(client))
    throw new Error(`server code in the client output:\n${client}\n--- from ---\n${generated.code}`);
  const serverOutput = run(generated, 'server', server);
  if (/CLIENTONLY/.test(serverOutput)) throw new Error(`client code in the server output:\n${serverOutput}`);
  return true;
}

/** An illegal module is a CompileError in both targets, located inside the input. */
function failsInside(generated: Generated): boolean {
  const lines = generated.code.split('\n');
  for (const target of ['client', 'server'] as const) {
    try {
      run(generated, target, true);
      throw new Error(`an illegal module compiled for the ${target}:\n${generated.code}`);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      const line = lines[error.loc.line - 1];
      if (line === undefined || error.loc.column > line.length) {
        throw new Error(`error location ${error.loc.line}:${error.loc.column} is outside the input`);
      }
    }
  }
  return true;
}

export const properties = {
  legalServerModules: fc.property(legalServerModule, (generated) => neverLeaks(generated, true)),
  clientModules: fc.property(clientModule, (generated) => neverLeaks(generated, false)),
  illegalServerModules: fc.property(illegalServerModule, failsInside),
};
