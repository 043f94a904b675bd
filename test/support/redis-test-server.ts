/** Redis for tests: the shared one at 127.0.0.1:6379 (probed once), or a private redis-server child a fault test can kill and restart. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { waitUntil } from './wait-until.js';
import { freePort } from './free-port.js';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

let probe: Promise<string | null> | null = null;

/** null when the shared Redis answers PING, else why not (and says once that the Redis tests are skipped). */
export function redisUnavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return null;
    } catch (error) {
      const reason = `Redis unreachable at ${TEST_REDIS_URL} (${(error as Error).message}); set TEST_REDIS_URL`;
      console.warn(`SKIPPING the Redis tests: ${reason}`);
      return reason;
    } finally {
      redis.disconnect();
    }
  })();
  return probe;
}

/** null when a private redis-server can be started, else why not. */
export function redisServerMissingReason(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    const reason = 'redis-server is not installed (apt-get install redis-server)';
    console.warn(`SKIPPING the Redis fault tests: ${reason}`);
    return reason;
  }
  return null;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL, as a crash or a lost machine: no goodbye to clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty, and waits until it answers. */
  start(): Promise<void>;
}

/** A redis-server child on a free port, without persistence; answers PING when this resolves. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const answers = async () => {
    const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  };
  const server: PrivateRedis = {
    url, port,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
      await waitUntil(answers, `redis-server to answer on port ${port}`);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
  await server.start();
  return server;
}
