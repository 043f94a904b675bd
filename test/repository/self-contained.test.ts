/** @module The repository stands alone: no file outside docs/ names a path of one machine or a place beside the checkout. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../support/fixture-path.js';
import { findOutsidePaths, repositoryFiles } from './outside-paths.js';

// Samples are built from parts, so that this file does not itself name the paths it tests for.
const path = (...parts: string[]): string => parts.join('/');
const up = (levels: number, rest: string): string => `${'../'.repeat(levels)}${rest}`;

describe('findOutsidePaths', () => {
  it.each([
    ['src/adapters/wire/ninjs-parser.test.ts', `const ROOT = '${path('', 'work', 'team', 'fixtures', 'wire')}';`, 'machine path'],
    ['bench/wire-corpus.ts', `function load(dir = "${path('', 'work', 'team')}") {}`, 'machine path'],
    ['scripts/seed.mjs', `readFileSync(\`${path('', 'root', 'corpora', 'bbc.ndjson')}\`)`, 'machine path'],
    ['test/support/corpus.ts', `// copied from ${path('', 'home', 'alice', 'corpora', 'bbc.ndjson')}`, 'machine path'],
    ['README.md', `Put the files in ${path('', 'Users', 'bob', 'data')}.`, 'machine path'],
    ['test/newsroom/wire-desk.test.ts', `new URL('${up(3, 'team/fixtures/wire/')}', import.meta.url)`, 'climbs out of the repository'],
    ['src/adapters/wire/x.test.ts', `import { x } from '${up(4, 'elsewhere/x.js')}';`, 'climbs out of the repository'],
    ['bench/README.md', `reads \`${up(1, 'team/corpora/bbc-2005.ndjson')}\` when it is there`, 'climbs out of the repository'],
  ])('flags %s: %s', (file, line, reason) => {
    expect(findOutsidePaths(file, `first line\n${line}\n`)).toEqual([expect.objectContaining({ file, line: 2, reason })]);
  });

  it.each([
    ['src/core/wire/wire-item.ts', `import { cleanLine } from '${up(1, 'text/clean-text.js')}';`],
    ['test/cli/import-cli.test.ts', `new URL('${up(2, 'demo/news-stream-2025-01-17.txt')}', import.meta.url)`],
    ['src/main/demo-content.ts', `join(here, '${up(2, 'demo/news-stream-2025-01-17.txt')}')`],
    ['src/adapters/media/disk-media-storage.test.ts', `it.each(['${up(1, 'escape')}', '/tmp/x-640.webp'])`],
    ['src/adapters/wire/feed-poller.test.ts', `const url = '${path('https:', '', 'example.com', 'work', 'feed.xml')}';`],
    ['package-lock.json', `"resolved": "${path('https:', '', 'registry.npmjs.org', 'root', '-', 'root-1.0.0.tgz')}",`],
    ['src/core/shared/slug.ts', 'const dashes = /--+/g; // a/b, c..d'],
  ])('lets %s pass: %s', (file, line) => {
    expect(findOutsidePaths(file, line)).toEqual([]);
  });
});

describe('the repository', () => {
  const root = repositoryPath();
  const files = repositoryFiles(root).filter((file) => !file.startsWith('docs/'));

  it('lists its own files, this test among them', () => {
    expect(files).toContain('test/repository/self-contained.test.ts');
    expect(files).toContain('test/fixtures/wire/ninjs/2.1/ntb_text.json');
    expect(files.some((file) => file.startsWith('node_modules/') || file.startsWith('dist/'))).toBe(false);
  });

  it('names no machine path and no place outside itself in any file outside docs/', () => {
    const found = files.flatMap((file) => {
      const bytes = readFileSync(join(root, file));
      return bytes.includes(0) ? [] : findOutsidePaths(file, bytes.toString('utf8'));
    });
    expect(found.map((f) => `${f.file}:${f.line}: ${f.path} (${f.reason})`)).toEqual([]);
  });
});
