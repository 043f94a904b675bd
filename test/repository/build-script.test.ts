/**
 * scripts/build.mjs never pulls files from under a running process: it builds only when the sources changed, into a
 * folder of its own that replaces the `dist` link in one rename, keeps the previous build and any build a live process
 * marked, and two builds at once (in one process, and as two real `node scripts/build.mjs` with tsc) both end well.
 * Each test builds a small project of its own in a temporary folder.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import * as buildScript from '../../scripts/build.mjs';

interface BuildResult { name: string; built: boolean }
type Compile = (root: string, outDir: string) => Promise<void>;
const { build, sourceHash, STAMP_FILE } = buildScript as {
  build(options: { root: string; compileInto?: Compile; log?: (line: string) => void }): Promise<BuildResult>;
  sourceHash(root: string): string;
  STAMP_FILE: string;
};

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const roots: string[] = [];
afterEach(() => { for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true }); });

/** A project with every input the build hashes: a tiny src/, package files, tsconfigs, and the real build script. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'dateline-build-'));
  roots.push(root);
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  mkdirSync(join(root, 'scripts'));
  writeFileSync(join(root, 'src/cli/main.ts'), "export const greeting: string = 'مرحبا 👋';\nconsole.log(greeting);\n");
  writeFileSync(join(root, 'src/cli/main.test.ts'), '// not built: changing it never rebuilds\n');
  writeFileSync(join(root, 'package.json'), '{ "name": "tiny", "type": "module" }\n');
  writeFileSync(join(root, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] } }));
  writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], exclude: ['src/**/*.test.ts'] }));
  copyFileSync(join(REPO, 'scripts/build.mjs'), join(root, 'scripts/build.mjs'));
  // The browser assets step of this project: one file, so a test needs no esbuild bundle.
  writeFileSync(join(root, 'scripts/build-assets.mjs'), "import { mkdirSync, writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\nexport async function buildAssets(out) { mkdirSync(out, { recursive: true }); writeFileSync(join(out, 'site.css'), 'body{}'); }\n");
  return root;
}

/** A stand-in for tsc: writes the entry the way a build does, and counts its runs; `gate` holds it until released. */
function fakeCompiler(gate?: Promise<void>) {
  const runs: string[] = [];
  const compileInto: Compile = async (root, outDir) => {
    runs.push(outDir);
    await gate;
    mkdirSync(join(outDir, 'cli'), { recursive: true });
    writeFileSync(join(outDir, 'cli/main.js'), readFileSync(join(root, 'src/cli/main.ts'), 'utf8'));
  };
  return { runs, compileInto };
}

const quiet = () => {};
const builds = (root: string) => readdirSync(root).filter((entry) => entry.startsWith('dist-')).sort();
const scratch = (root: string) => readdirSync(root).filter((entry) => entry.startsWith('dist.'));
const entryOf = (root: string) => readFileSync(join(root, 'dist/cli/main.js'), 'utf8');

describe('scripts/build.mjs', () => {
  it('builds once, then does nothing while the sources are unchanged (test files do not count)', async () => {
    const root = project();
    const compiler = fakeCompiler();
    const first = await build({ root, compileInto: compiler.compileInto, log: quiet });
    expect(first).toEqual({ name: `dist-${sourceHash(root)}`, built: true });
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'dist'))).toBe(first.name);
    expect(entryOf(root)).toContain('مرحبا 👋');
    expect(JSON.parse(readFileSync(join(root, 'dist', STAMP_FILE), 'utf8'))).toMatchObject({ hash: sourceHash(root) });

    writeFileSync(join(root, 'src/cli/main.test.ts'), '// edited\n');
    const second = await build({ root, compileInto: compiler.compileInto, log: quiet });
    expect(second).toEqual({ name: first.name, built: false });
    expect(compiler.runs).toHaveLength(1);
    expect(scratch(root)).toEqual([]);
  });

  it('builds a changed source into a new folder, leaving the running build\'s files in place; keeps the last two and any in use', async () => {
    const root = project();
    const compiler = fakeCompiler();
    const first = await build({ root, compileInto: compiler.compileInto, log: quiet });
    // A running process resolved the link when it started (as bin/dateline.js does) and marked its build.
    const running = realpathSync(join(root, 'dist'));
    mkdirSync(join(running, '.in-use'));
    writeFileSync(join(running, '.in-use', String(process.pid)), '');

    const edit = (text: string) => writeFileSync(join(root, 'src/cli/main.ts'), `export const greeting = '${text}';\n`);
    edit('Привет');
    const second = await build({ root, compileInto: compiler.compileInto, log: quiet });
    expect(second.built).toBe(true);
    expect(second.name).not.toBe(first.name);
    expect(readlinkSync(join(root, 'dist'))).toBe(second.name);
    expect(entryOf(root)).toContain('Привет');
    expect(readFileSync(join(running, 'cli/main.js'), 'utf8')).toContain('مرحبا 👋');

    edit('你好');
    const third = await build({ root, compileInto: compiler.compileInto, log: quiet });
    edit('Hello');
    const fourth = await build({ root, compileInto: compiler.compileInto, log: quiet });
    // The current, the one before it, and the one a live process marked; the unmarked older one is gone.
    expect(builds(root)).toEqual([first.name, third.name, fourth.name].sort());
    expect(existsSync(join(running, 'cli/main.js'))).toBe(true);

    // The process ended without cleaning up its mark (a crash): a dead pid protects nothing.
    rmSync(join(running, '.in-use', String(process.pid)));
    writeFileSync(join(running, '.in-use', '2147483646'), '');
    edit('Bonjour');
    const fifth = await build({ root, compileInto: compiler.compileInto, log: quiet });
    expect(builds(root)).toEqual([fourth.name, fifth.name].sort());
    expect(scratch(root)).toEqual([]);
  });

  it('moves a dist folder of the old layout aside and replaces it with the link', async () => {
    const root = project();
    mkdirSync(join(root, 'dist/assets'), { recursive: true });
    writeFileSync(join(root, 'dist/assets/site.css'), 'old');
    const result = await build({ root, compileInto: fakeCompiler().compileInto, log: quiet });
    expect(readlinkSync(join(root, 'dist'))).toBe(result.name);
    const legacy = builds(root).find((entry) => entry.startsWith('dist-legacy-'));
    expect(legacy && readFileSync(join(root, legacy, 'assets/site.css'), 'utf8')).toBe('old');
  });

  it('lets two builds of the same sources run at once: one builds, the other uses its build, nothing is left behind', async () => {
    const root = project();
    let release: () => void = () => {};
    const compiler = fakeCompiler(new Promise<void>((resolve) => { release = resolve; }));
    const both = Promise.all([1, 2].map(() => build({ root, compileInto: compiler.compileInto, log: quiet })));
    // Both are compiling, each in its own folder, before either finishes (the gate holds them).
    expect(compiler.runs).toHaveLength(2);
    expect(new Set(compiler.runs).size).toBe(2);
    release();
    const results = await both;
    expect(results.map((r) => r.built).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.name)).size).toBe(1);
    expect(readlinkSync(join(root, 'dist'))).toBe(results[0]!.name);
    expect(entryOf(root)).toContain('مرحبا 👋');
    expect(builds(root)).toEqual([results[0]!.name]);
    expect(scratch(root)).toEqual([]);
  });

  it('bin/dateline.js runs the build dist points at, marked in use while it runs, and hands the same build to its children', async () => {
    const root = project();
    mkdirSync(join(root, 'bin'));
    copyFileSync(join(REPO, 'bin/dateline.js'), join(root, 'bin/dateline.js'));
    // This build's CLI reports which build it runs from and whether that build carries its mark.
    const compileInto: Compile = async (_root, outDir) => {
      mkdirSync(join(outDir, 'cli'), { recursive: true });
      writeFileSync(join(outDir, 'cli/main.js'), [
        "import { existsSync } from 'node:fs';",
        "import { join } from 'node:path';",
        'const build = process.env.DATELINE_BUILD_DIR;',
        "console.log(JSON.stringify({ build, marked: existsSync(join(build, '.in-use', String(process.pid))) }));",
      ].join('\n'));
    };
    const { name } = await build({ root, compileInto, log: quiet });
    const run = (env: NodeJS.ProcessEnv) => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'bin/dateline.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    const { DATELINE_BUILD_DIR: _inherited, ...env } = process.env;
    const first = JSON.parse(await run(env)) as { build: string; marked: boolean };
    expect(first).toEqual({ build: realpathSync(join(root, name)), marked: true });
    expect(readdirSync(join(root, name, '.in-use'))).toEqual([]);

    // A rebuild moves the link; a worker forked by a process of the old build still runs the old build.
    writeFileSync(join(root, 'src/cli/main.ts'), 'export const changed = true;\n');
    const next = await build({ root, compileInto, log: quiet });
    expect(JSON.parse(await run({ ...env, DATELINE_BUILD_DIR: first.build })).build).toBe(first.build);
    expect(JSON.parse(await run(env)).build).toBe(realpathSync(join(root, next.name)));
  });

  it('runs as two real `node scripts/build.mjs` at once, with tsc: both succeed and dist runs', { timeout: 120_000 }, async () => {
    const root = project();
    // The project's build finds tsc where the script looks for it.
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'junction');
    const run = () => new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(readlinkSync(join(root, 'dist'))).toBe(`dist-${sourceHash(root)}`);
    expect(readFileSync(join(root, 'dist/assets/site.css'), 'utf8')).toBe('body{}');
    expect(scratch(root)).toEqual([]);
    const again = await run();
    expect(again.output).toMatch(/is up to date/);
    const printed = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(root, 'dist/cli/main.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.on('close', () => resolve(out));
    });
    expect(printed).toBe('مرحبا 👋\n');
  });
});
