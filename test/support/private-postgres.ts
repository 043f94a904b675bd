/** A private PostgreSQL cluster (initdb + pg_ctl) on a free port, for fault tests that stop and start the server. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { engineSkipReason } from './required-engines.js';

/** The newest Debian server version installed (postgresql-15 on bookworm, 17 on trixie), unless TEST_POSTGRES_BIN says where. */
function serverBinDir(): string {
  const fromEnv = process.env['TEST_POSTGRES_BIN'];
  if (fromEnv) return fromEnv;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((x, y) => Number(y) - Number(x))[0] ?? '15';
  return `/usr/lib/postgresql/${newest}/bin`;
}
const BIN = serverBinDir();
const isRoot = process.getuid?.() === 0;

/** null when a private cluster can be made here, else why not (throws when TEST_POSTGRES_REQUIRED=1). */
export function postgresBinariesMissingReason(): string | null {
  let missing: string | null = null;
  if (!['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(BIN, b)))) {
    missing = `PostgreSQL server binaries not found in ${BIN}; TEST_POSTGRES_BIN names another directory`;
  } else if (isRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    missing = 'running as root and there is no postgres user for initdb to run as';
  }
  return engineSkipReason('postgres', 'PostgreSQL fault tests', missing);
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
