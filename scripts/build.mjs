/**
 * `npm run build` (and so `npm start`): compiles the server with tsc and builds the browser assets, only when the
 * sources changed, and never under a running process.
 *
 * - The build's name is a hash of what it is built from (src/ without tests, package.json, package-lock.json,
 *   tsconfig*.json, these scripts): `dist-<hash>/`. When that folder exists, the build is up to date: nothing runs.
 * - Otherwise it is built in a folder of its own (`dist.tmp-<pid>-…`), stamped, and renamed to `dist-<hash>/` in
 *   one step; of two builds of the same sources at once, the first rename wins and the other drops its copy.
 * - `dist` is a symbolic link to the current build, replaced by renaming a new link over it (atomic): a process
 *   started on the previous build keeps running from its own folder (bin/dateline.js resolves the link once).
 * - Old builds are removed, keeping the current one and the one before it, and any build a live `dateline`
 *   process still runs from (bin/dateline.js leaves `<build>/.in-use/<pid>` while it runs).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a build is made from; a change to any of these makes a new build. */
export const BUILD_INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/build-assets.mjs'];
/** Where each build records what it was built from; written last, before the folder is renamed into place. */
export const STAMP_FILE = 'BUILD.json';
const BUILD_DIR = /^dist-/;
const SCRATCH = /^dist\.(tmp|link|trash)-(\d+)-/;

/** Every input file under `root`, as sorted relative paths (test files excluded: they are not built). */
function inputFiles(root) {
  const files = [];
  const walk = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!entry.startsWith('.')) walk(join(path, entry));
    } else if (!path.endsWith('.test.ts')) {
      files.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const input of BUILD_INPUTS) walk(join(root, input));
  return files.sort();
}

/** The hash of the inputs' paths and contents: the same sources always give the same build name. */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // alive, another user's
  }
};

const scratchName = (kind) => `dist.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Removes a folder without ever leaving a half-deleted build under its name: renamed aside first. */
function removeDir(root, name) {
  const trash = join(root, scratchName('trash'));
  try {
    renameSync(join(root, name), trash);
  } catch {
    return; // gone already (another build removed it)
  }
  rmSync(trash, { recursive: true, force: true });
}

/** The build `dist` points at, or null. */
function currentBuild(root) {
  try {
    return readlinkSync(join(root, 'dist'));
  } catch {
    return null;
  }
}

/** Points `dist` at `name` by renaming a fresh link over it; a `dist` folder of the old layout is moved aside first. */
function pointDistAt(root, name) {
  if (currentBuild(root) === name) return;
  const dist = join(root, 'dist');
  const stat = lstatSync(dist, { throwIfNoEntry: false });
  if (stat && !stat.isSymbolicLink()) {
    // A build of the old layout (or assets a test wrote): kept as an old build, cleaned up like one.
    try {
      renameSync(dist, join(root, `dist-legacy-${Date.now()}-${process.pid}`));
    } catch {
      // another build moved it meanwhile
    }
  }
  const link = join(root, scratchName('link'));
  symlinkSync(name, link, 'junction');
  try {
    renameSync(link, dist);
  } catch (error) {
    rmSync(link, { force: true });
    throw error;
  }
}

/** Builds in use by a live process: bin/dateline.js leaves `<build>/.in-use/<pid>` while it runs. */
function inUse(root, name) {
  let pids;
  try {
    pids = readdirSync(join(root, name, '.in-use'));
  } catch {
    return false;
  }
  return pids.some((pid) => /^\d+$/.test(pid) && isAlive(Number(pid)));
}

/** Removes old builds (keeping the current one, the newest other, and any in use) and scratch folders of dead builds. */
export function removeOldBuilds(root, keep) {
  const entries = readdirSync(root);
  for (const entry of entries) {
    const scratch = SCRATCH.exec(entry);
    if (scratch && !isAlive(Number(scratch[2]))) rmSync(join(root, entry), { recursive: true, force: true });
  }
  const pointed = currentBuild(root);
  const builds = entries
    .filter((entry) => BUILD_DIR.test(entry) && entry !== keep && entry !== pointed)
    .map((entry) => ({ entry, mtimeMs: (statSync(join(root, entry, STAMP_FILE), { throwIfNoEntry: false }) ?? statSync(join(root, entry), { throwIfNoEntry: false }))?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  // Newest build first; the one before the current stays: a process started on it a moment ago may not have marked it yet.
  for (const { entry } of builds.slice(1)) if (!inUse(root, entry)) removeDir(root, entry);
}

/** The real build: tsc for the server, esbuild and copies for the browser assets. */
async function compile(root, outDir) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
  const { buildAssets } = await import('./build-assets.mjs');
  await buildAssets(join(outDir, 'assets'));
}

/**
 * Makes `dist` point at a build of the current sources, building it only if it does not exist yet.
 * `compileInto(root, outDir)` is the build itself (tests pass a small one). Returns the build's name and whether it built.
 */
export async function build({ root = ROOT, compileInto = compile, log = (line) => console.log(line) } = {}) {
  const hash = sourceHash(root);
  const name = `dist-${hash}`;
  let built = false;
  if (!existsSync(join(root, name, STAMP_FILE))) {
    const scratch = join(root, scratchName('tmp'));
    mkdirSync(scratch);
    try {
      const started = Date.now();
      await compileInto(root, scratch);
      writeFileSync(join(scratch, STAMP_FILE), `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
      // A folder of this name without a stamp is not a build (left by hand): it makes way.
      if (existsSync(join(root, name)) && !existsSync(join(root, name, STAMP_FILE))) removeDir(root, name);
      try {
        renameSync(scratch, join(root, name));
        built = true;
        log(`build: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        // Another build of the same sources finished first: use it.
        if (!existsSync(join(root, name, STAMP_FILE))) throw error;
        log(`build: ${name} was built meanwhile by another build`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    log(`build: ${name} is up to date`);
  }
  pointDistAt(root, name);
  removeOldBuilds(root, name);
  return { name, built };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    // tsc has printed what is wrong; `dist` still points at the previous build, which running processes keep using.
    console.error(`build failed: ${error.message.split('\n')[0]}; dist is unchanged`);
    process.exitCode = 1;
  }
}
