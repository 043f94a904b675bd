/**
 * @module Issue 17's "redirect lookup cost on a warm article": warm article req/s from a server whose database holds
 * 100,000 old addresses (old_urls rows, as WordPress imports leave them: permalinks and `?p=` forms) against a server
 * on the same content with none, the two measured in turns so drift hits both alike; and req/s of old permalinks
 * answering their 301 (the not-found path and the lookup). Old addresses are looked up only where nothing else
 * answers (src/adapters/http/site/old-url-redirects.ts), so the warm figures should not move.
 *
 * `npx tsx bench/old-url-cost.ts [--quick] [--rows N]` runs it alone; run `npm run build` first.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { freePort, startDateline } from './dateline-server.js';
import { benchScratch } from './child-processes.js';
import { copySqliteDatabase, sqlitePathOf, standaloneServingRun, type ServingRun } from './import-while-serving.js';
import type { Figure } from './report.js';

export interface OldUrlCostRun extends ServingRun {
  /** old_urls rows in the database of the "with" server. */
  rows: number;
  /** Turns of without / with (each a full measure.throughput: warm-up and repeats). */
  rounds: number;
}

/**
 * Fills old_urls with `count` rows (setup, not timed): every other row an old permalink (`/2016/03/04/slug-i`), the
 * rest `?p=` forms, all leading to published stories of the database. Returns the permalinks as a reader asks for them.
 */
export function addOldUrls(path: string, count: number): string[] {
  const db = new Database(path);
  try {
    const stories = db.prepare("SELECT id, slug FROM articles WHERE status = 'published' ORDER BY id LIMIT ?").all(count) as { id: string; slug: string }[];
    if (stories.length === 0) throw new Error('no published stories to point old addresses at');
    const insert = db.prepare('INSERT INTO old_urls (path, target_kind, target_id, created_at) VALUES (?, ?, ?, ?)');
    const at = new Date().toISOString();
    const permalinks: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const story = stories[Math.floor(i / 2) % stories.length]!;
        if (i % 2 === 1) {
          insert.run(`?p=${i + 10}`, 'article', story.id, at);
          continue;
        }
        const day = new Date(Date.UTC(2016, 0, 1) + i * 60_000).toISOString().slice(0, 10).replaceAll('-', '/');
        // Stored decoded (as normaliseOldPath compares), asked for percent-encoded with WordPress's trailing slash.
        insert.run(`/${day}/${story.slug}-${i}`, 'article', story.id, at);
        permalinks.push(`/${day}/${encodeURIComponent(`${story.slug}-${i}`)}/`);
      }
    })();
    return permalinks;
  } finally {
    db.close();
  }
}

export async function measureOldUrlCost(run: OldUrlCostRun): Promise<Figure[]> {
  const { measure, log } = run;
  const work = benchScratch(join(run.root, 'bench/data'), 'old-url-cost');
  const withoutPath = join(work, 'without.db');
  const withPath = join(work, 'with.db');
  const servers: Awaited<ReturnType<typeof startDateline>>[] = [];
  try {
    // Both are copies made the same way, so they differ only in old_urls.
    const withoutUrl = copySqliteDatabase(run.databaseUrl, withoutPath);
    const withUrl = copySqliteDatabase(run.databaseUrl, withPath);
    for (const path of [withoutPath, withPath]) {
      const db = new Database(path);
      db.prepare('DELETE FROM old_urls').run();
      db.close();
    }
    const permalinks = addOldUrls(sqlitePathOf(withUrl), run.rows);
    log(`  old links: ${run.rows.toLocaleString('en-US')} old_urls rows added to the "with" copy`);
    // Started together (each waits for its first 200 on /); only the one being measured is asked for anything.
    const ports = [await freePort()];
    while (ports.length < 2) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const [without, withRows] = await Promise.all([withoutUrl, withUrl].map(async (databaseUrl, i) => {
      const server = await startDateline({ root: run.root, databaseUrl, port: ports[i]!, pageCache: true, cpus: run.serverCpu });
      servers.push(server);
      return server;
    })) as [Awaited<ReturnType<typeof startDateline>>, Awaited<ReturnType<typeof startDateline>>];

    const a: Figure[] = [];
    const b: Figure[] = [];
    for (let round = 0; round < run.rounds; round++) {
      a.push(await measure.throughput(`article, warm (br), no old_urls (turn ${round + 1})`, without.origin, [run.articlePath], null));
      b.push(await measure.throughput(`article, warm (br), ${run.rows.toLocaleString('en-US')} old_urls (turn ${round + 1})`, withRows.origin, [run.articlePath], null));
    }
    const mean = (figures: Figure[]) => figures.reduce((sum, f) => sum + f.value, 0) / figures.length;
    const p50 = (figures: Figure[]) => figures.reduce((sum, f) => sum + (f.p50 ?? 0), 0) / figures.length;

    // A permalink answers 301 to a page that answers 200, or the figure below would measure something else.
    const sample = permalinks.filter((_, i) => i % Math.max(1, Math.floor(permalinks.length / 1000)) === 0).slice(0, 1000);
    const first = await fetch(withRows.origin + sample[0]!, { redirect: 'manual' });
    const location = first.headers.get('location');
    if (first.status !== 301 || !location || (await fetch(withRows.origin + location)).status !== 200) {
      throw new Error(`old permalink ${sample[0]} answered ${first.status} (location ${location}), not a 301 to a page`);
    }
    const redirects = await measure.throughput(`old permalink → 301 (not-found path + lookup in ${run.rows.toLocaleString('en-US')} rows)`, withRows.origin, sample, null);

    const turns = run.rounds === 1 ? 'one turn each' : `${run.rounds} turns each, alternated`;
    return [
      {
        name: `article, warm (br), ${run.rows.toLocaleString('en-US')} old_urls rows: change from none (${turns})`,
        value: (mean(b) / mean(a) - 1) * 100, unit: '%',
        detail: `${mean(b).toFixed(0)} req/s (p50 ${p50(b).toFixed(2)} ms) with, ${mean(a).toFixed(0)} req/s (p50 ${p50(a).toFixed(2)} ms) without`,
      },
      { ...redirects, detail: `${sample.length} random old permalinks; wrk follows no redirect` },
    ];
  } finally {
    for (const server of servers) await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, rows: { type: 'string' }, stories: { type: 'string' } } });
  const quick = values.quick ?? false;
  const base = await standaloneServingRun(quick, Number(values.stories ?? (quick ? 2000 : 100_000)));
  const started = performance.now();
  const figures = await measureOldUrlCost({ ...base, rows: Number(values.rows ?? 100_000), rounds: quick ? 1 : 2 });
  for (const f of figures) console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.detail ? ` (${f.detail})` : ''}`);
  base.log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s (corpus set-up not counted)`);
}
