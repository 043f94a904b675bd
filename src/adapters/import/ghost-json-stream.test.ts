/** @module Rows of a Ghost export's tables from the stream: only the tables asked for, a byte-order mark, nesting past the bound, a break by line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GhostJsonError, ghostTableRows, type GhostRow } from './ghost-json-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-ghost-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function rows(path: string, tables: string[]): Promise<GhostRow[]> {
  const out: GhostRow[] = [];
  for await (const row of ghostTableRows(path, new Set(tables))) out.push(row);
  return out;
}

describe('ghostTableRows', () => {
  it('yields the rows of the tables asked for, in file order, and passes over the rest (a second db entry included)', async () => {
    const path = file('two.json', JSON.stringify({
      db: [
        { meta: { tags: [{ id: 'not-a-table' }] }, data: { posts: [{ id: 'p1', title: 'Паром 🚢', nested: { tags: [1] } }, 'odd'], tags: [{ id: 't1' }], settings: [{ key: 'x' }] } },
        { data: { posts: [{ id: 'p-other' }] } },
      ],
    }));
    expect(await rows(path, ['posts', 'tags'])).toEqual([
      { table: 'posts', index: 0, row: { id: 'p1', title: 'Паром 🚢', nested: { tags: [1] } } },
      { table: 'posts', index: 1, row: 'odd' },
      { table: 'tags', index: 0, row: { id: 't1' } },
    ]);
  });

  it('reads a file saved with a byte-order mark, and an export without the db wrapper', async () => {
    expect(await rows(file('bom.json', `\ufeff${JSON.stringify({ data: { users: [{ id: 'u1', name: 'ليلى' }] } })}`), ['users'])).toEqual([{ table: 'users', index: 0, row: { id: 'u1', name: 'ليلى' } }]);
  });

  it('stops at nesting no export has, and where the JSON breaks, with its line', async () => {
    const deep = file('deep.json', `{"db":[{"data":{"posts":[${'['.repeat(100)}${']'.repeat(100)}]}}]}`);
    await expect(rows(deep, ['posts'])).rejects.toBeInstanceOf(GhostJsonError);
    const broken = file('broken.json', '{\n  "data": {\n    "posts": [\n      {"id": "p1"},\n      {"id": "p2",, }\n    ]\n  }\n}\n');
    await expect(rows(broken, ['posts'])).rejects.toMatchObject({ line: 5 });
  });
});
