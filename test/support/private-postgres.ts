/** A private PostgreSQL cluster (initdb + pg_ctl) on a free port, for fault tests that stop and start the server. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** Where the server binaries live; Debian's postgresql-15 by default. */
const BIN = process.env['TEST_POSTGRES_BIN'] ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/** null when a private cluster can be made here, else why not (and says once that the tests are skipped). */
export function postgresBinariesMissingReason(): string | null {
  let reason: string | null = null;
  if (!['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(BIN, b)))) {
    reason = `PostgreSQL server binaries not found in ${BIN} (apt-get install postgresql-15, or set TEST_POSTGRES_BIN)`;
  } else if (isRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    reason = 'running as root and there is no postgres user for initdb to run as';
  }
  if (reason) console.warn(`SKIPPING the PostgreSQL fault tests: ${reason}`);
  return reason;
}

/** initdb refuses to run as root: as root, every binary runs as the postgres user. */
function run(binary: string, args: string[]): void {
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]] : [join(BIN, binary), args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres, trust auth. */
  url: string;
  /** `pg_ctl stop -m fast`: sessions are terminated (57P01) and the server is gone until start(). */
  stop(): void;
  /** Starts it again on the same port and data, returning once it accepts connections. */
  start(): void;
  /** Stops it if running and removes its files. */
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const start = () => {
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options]);
    running = true;
  };
  const stop = () => {
    run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
    running = false;
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop, start,
    destroy: () => {
      try {
        if (running) run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '60']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
