/** Row (a): SIGKILL during publishes and pushes on SQLite, then `PRAGMA integrity_check` and every acknowledged write looked for. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLost, killUnderLoad } from './kill-loop.js';
import { log, ms, percentile, type Row, type ScenarioContext } from './support.js';

export async function killSqlite(context: ScenarioContext): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-sqlite-'));
  const path = join(dir, 'dateline.db');
  const databaseUrl = `sqlite:${path}`;
  try {
    const kills = context.quick ? 5 : 30;
    log(`  (a) SQLite: ${kills} SIGKILLs under publish and push load`);
    const tally = await killUnderLoad({ ...context.serverEnv, DATABASE_URL: databaseUrl, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') }, kills);
    // Opened read-write, as the next server start would: the WAL left by the last kill is recovered first.
    const db = new Database(path);
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    db.close();
    const lost = await countLost(databaseUrl, tally.acknowledged);
    const { created, published, pushed } = tally.acknowledged;
    const scenario = '(a) SIGKILL, SQLite';
    return [
      { scenario, figure: 'kills survived (server restarted and answered after each)', value: String(tally.kills), note: `integrity_check: ${integrity}; restart to first answer p50 ${ms(percentile(tally.startupMs, 50))}` },
      { scenario, figure: 'acknowledged writes lost', value: String(lost.createdLost + lost.publishedLost + lost.pushedLost), note: `of ${created.size} creates, ${published.size} publishes, ${pushed.size} pushes (lost: ${lost.createdLost}/${lost.publishedLost}/${lost.pushedLost})` },
      { scenario, figure: 'unexpected answers while up', value: String(tally.unexpected.length), note: tally.unexpected.slice(0, 2).join(' | ') },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
