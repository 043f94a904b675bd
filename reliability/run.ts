/**
 * `npm run reliability [-- --quick] [-- --only a,b,…]`: builds, then runs each fault scenario against real
 * `dateline serve` processes on loopback (SIGKILLs on SQLite and PostgreSQL, a PostgreSQL restart, a full disk,
 * slowloris, SSE clients, a search flood, an XML attribute bomb), prints one table and writes
 * reliability/results/latest.json. Not part of `npm test`; see docs/reliability.md for what each row means.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { distMissingReason } from '../test/support/dateline-cluster.js';
import { diskFull } from './disk-full.js';
import { killPostgres } from './kill-postgres.js';
import { killSqlite } from './kill-sqlite.js';
import { postgresRestart } from './postgres-restart.js';
import { printRows } from './report.js';
import { searchFlood } from './search-flood.js';
import { serverEnvOf } from './server-env.js';
import { slowloris, slowlorisWithoutLimits } from './slowloris.js';
import { sseClients } from './sse-clients.js';
import { log, openFileLimit, root, type Row, type Scenario } from './support.js';
import { xmlAttributes } from './xml-attributes.js';

const SCENARIOS: Record<string, { name: string; run: Scenario }> = {
  a: { name: 'SIGKILL during publishes and pushes, SQLite', run: killSqlite },
  b: { name: 'SIGKILL during publishes and pushes, PostgreSQL', run: killPostgres },
  r: { name: 'PostgreSQL restarted under load', run: postgresRestart },
  c: { name: 'disk full on a tmpfs', run: diskFull },
  d: { name: 'slowloris from one address', run: slowloris },
  d0: { name: 'slowloris from one address, connection limits off (comparison)', run: slowlorisWithoutLimits },
  e: { name: 'SSE clients held', run: sseClients },
  f: { name: 'uncached search flood', run: searchFlood },
  x: { name: 'XML attribute bomb', run: xmlAttributes },
};

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = values.quick ?? false;
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SCENARIOS);
for (const key of chosen) if (!SCENARIOS[key]) throw new Error(`--only: unknown scenario "${key}" (one of ${Object.keys(SCENARIOS).join(', ')})`);
const missing = distMissingReason();
if (missing) throw new Error(`${missing}: npm run reliability builds it first`);

const context = { quick, serverEnv: serverEnvOf() };
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, kernel: release(), openFiles: openFileLimit(), root: process.getuid?.() === 0 };
log(`reliability${quick ? ' --quick' : ''}: ${chosen.join(', ')}; server settings ${JSON.stringify(context.serverEnv)}`);
const started = performance.now();
const rows: Row[] = [];
const seconds: Record<string, number> = {};
for (const key of chosen) {
  const scenario = SCENARIOS[key]!;
  log(`${key}: ${scenario.name}`);
  const t0 = performance.now();
  try {
    rows.push(...(await scenario.run(context)));
  } catch (error) {
    rows.push({ scenario: `(${key}) ${scenario.name}`, figure: 'scenario failed', value: 'error', note: (error as Error).message.split('\n')[0]!.slice(0, 200) });
  }
  seconds[key] = Math.round((performance.now() - t0) / 100) / 10;
  log(`  ${seconds[key]} s`);
}
const totalSeconds = Math.round((performance.now() - started) / 1000);

console.log(`\nDateline reliability${quick ? ' (--quick)' : ''} — ${new Date().toISOString()} — ${totalSeconds} s — ${JSON.stringify(machine)}`);
console.log(`server settings: ${JSON.stringify(context.serverEnv)}\n`);
printRows(['scenario', 'figure', 'value', 'note'], rows.map((r) => [r.scenario, r.figure, r.value, r.note]));
mkdirSync(join(root, 'reliability/results'), { recursive: true });
writeFileSync(join(root, 'reliability/results/latest.json'), JSON.stringify({ date: new Date().toISOString(), quick, machine, serverEnv: context.serverEnv, totalSeconds, seconds, rows }, null, 2) + '\n');
log('wrote reliability/results/latest.json');
// Keep-alive sockets and timers of the scenarios must not hold the process open.
process.exit(0);
