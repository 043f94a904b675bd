#!/usr/bin/env node
// The `dateline` command: runs the compiled CLI of the current build (built by `npm install` through the prepare
// script). `dist` is a link to the current build (scripts/build.mjs); it is resolved once here, so a rebuild that
// moves the link while this process runs changes nothing under it, and the build is marked as in use until exit.
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The build this process runs: its parent's (the workers of `serve --workers` run what their primary runs), else the current one. */
function resolveBuild() {
  const inherited = process.env.DATELINE_BUILD_DIR;
  if (inherited && existsSync(join(inherited, 'cli', 'main.js'))) return inherited;
  try {
    return realpathSync(fileURLToPath(new URL('../dist', import.meta.url)));
  } catch {
    return null;
  }
}

const build = resolveBuild();
if (!build || !existsSync(join(build, 'cli', 'main.js'))) {
  console.error('dateline: not built yet. Run "npm run build" (npm install does it for you).');
  process.exit(1);
}
process.env.DATELINE_BUILD_DIR = build;

// The build script keeps a build while a live process has marked it (a read-only install simply has no marks).
const mark = join(build, '.in-use', String(process.pid));
try {
  mkdirSync(join(build, '.in-use'), { recursive: true });
  writeFileSync(mark, '');
  process.once('exit', () => rmSync(mark, { force: true }));
} catch {
  // not writable: the build script's keep-the-last-two rule still protects it
}

await import(pathToFileURL(join(build, 'cli', 'main.js')).href);
