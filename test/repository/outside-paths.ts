/**
 * @module What in a file names a place outside the repository: an absolute path into a machine's
 * workspace or home folders (a workspace root, the root user's home, a user's home on Linux or macOS), or a relative path that
 * climbs out of the checkout (a test reading a folder beside it). Read by test/repository/self-contained.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface OutsidePath { file: string; line: number; path: string; reason: 'machine path' | 'climbs out of the repository' }

// Not after a word, dot, colon or slash, so URLs (a host, then a path) and paths inside the repo pass.
// /tmp/… is not flagged: every machine has it, and tests name it as hostile input.
const MACHINE_PATH = /(?<![\w.~:/\\-])(?:\/(?:work|root)|\/(?:home|Users)\/[\w.-]+)\/[^\s'"`)<>\]},;]*/g;
const CLIMB = /(?<![\w.~/\\-])(?:\.\.\/)+[^\s'"`)<>\]},;*]*/g;
// Prose writes paths from the repository's root (a folder beside the checkout), code from its own folder.
const IS_PROSE = /\.md$/i;

/** Every place in `text` (the content of `file`, a path relative to the repository root) that names somewhere outside it. */
export function findOutsidePaths(file: string, text: string): OutsidePath[] {
  const found: OutsidePath[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [path] of line.matchAll(MACHINE_PATH)) found.push({ file, line: i + 1, path, reason: 'machine path' });
    for (const [path] of line.matchAll(CLIMB)) {
      const leaves = (from: string) => posix.join(from, path).startsWith('../');
      if (leaves(posix.dirname(file)) || (IS_PROSE.test(file) && leaves('.'))) found.push({ file, line: i + 1, path, reason: 'climbs out of the repository' });
    }
  });
  return found;
}

/** Files git tracks or would add (new, not ignored); outside a git checkout, a walk that honours .gitignore's simple forms. */
export function repositoryFiles(root: string): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return listed.split('\0').filter((f) => f && existsSync(join(root, f)));
  } catch {
    return walk(root, '', ignoredBy(root));
  }
}

/** `name/`, `dir/name/`, `*.ext` and `name`: the forms Dateline's .gitignore uses. */
function ignoredBy(root: string): (path: string, isDirectory: boolean) => boolean {
  const rules = existsSync(join(root, '.gitignore')) ? readFileSync(join(root, '.gitignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : [];
  return (path, isDirectory) => path === '.git' || rules.some((rule) => {
    const name = rule.replace(/\/$/, '');
    if (rule.endsWith('/') && !isDirectory) return false;
    if (name.startsWith('*.')) return path.endsWith(name.slice(1));
    return name.includes('/') ? path === name.replace(/^\//, '') : posix.basename(path) === name;
  });
}

function walk(root: string, dir: string, isIgnored: (path: string, isDirectory: boolean) => boolean): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (isIgnored(path, entry.isDirectory())) return [];
    if (entry.isDirectory()) return walk(root, path, isIgnored);
    return entry.isFile() ? [path] : [];
  });
}
