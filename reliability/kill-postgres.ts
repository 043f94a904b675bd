/** Row (b): SIGKILL of the Dateline process during publishes and pushes on PostgreSQL (a private cluster), then every acknowledged write looked for. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinariesMissingReason, startPrivatePostgres } from '../test/support/private-postgres.js';
import { countLost, killUnderLoad } from './kill-loop.js';
import { log, ms, percentile, type Row, type ScenarioContext } from './support.js';

export async function killPostgres(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(b) SIGKILL, PostgreSQL';
  const missing = postgresBinariesMissingReason();
  if (missing) return [{ scenario, figure: 'skipped', value: '-', note: missing }];
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-pg-'));
  const postgres = await startPrivatePostgres();
  try {
    const kills = context.quick ? 5 : 30;
    log(`  (b) PostgreSQL: ${kills} SIGKILLs of Dateline under publish and push load`);
    const tally = await killUnderLoad({ ...context.serverEnv, DATABASE_URL: postgres.url, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') }, kills);
    const lost = await countLost(postgres.url, tally.acknowledged);
    const { created, published, pushed } = tally.acknowledged;
    return [
      { scenario, figure: 'kills survived (server restarted and answered after each)', value: String(tally.kills), note: `restart to first answer p50 ${ms(percentile(tally.startupMs, 50))}` },
      { scenario, figure: 'acknowledged writes lost', value: String(lost.createdLost + lost.publishedLost + lost.pushedLost), note: `of ${created.size} creates, ${published.size} publishes, ${pushed.size} pushes (lost: ${lost.createdLost}/${lost.publishedLost}/${lost.pushedLost})` },
      { scenario, figure: 'unexpected answers while up', value: String(tally.unexpected.length), note: tally.unexpected.slice(0, 2).join(' | ') },
    ];
  } finally {
    postgres.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
