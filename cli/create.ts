#!/usr/bin/env node
// `npx hono-preact-actions create my-app`: writes a new app from template/ (the files the README's
// "Start your own app" describes), named after its folder, depending on this version of the package.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const PACKAGE_ROOT = resolve(import.meta.dirname, '..', '..');
const USAGE = 'Usage: npx hono-preact-actions create <folder>';

export function create(folder: string): string {
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${target} already exists and is not empty. Pick a new folder name.`);
  }
  cpSync(join(PACKAGE_ROOT, 'template'), target, { recursive: true });
  // npm leaves .gitignore files out of packages, so the template carries it under another name.
  renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifestPath = join(target, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    name: string;
    dependencies: Record<string, string>;
  };
  manifest.name = basename(target)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-');
  manifest.dependencies['hono-preact-actions'] = `^${own.version}`;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}

function main(args: string[]): number {
  const [command, folder] = args;
  if (command !== 'create' || !folder) {
    console.error(USAGE);
    return 1;
  }
  try {
    const target = create(folder);
    console.log(`Created ${target}\n\nNext:\n  cd ${folder}\n  npm install\n  npm run dev`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
