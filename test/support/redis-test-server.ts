/** Redis for tests: the shared one at 127.0.0.1:6379 (probed once), or a private redis-server child a fault test can kill and restart. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { waitUntil } from './wait-until.js';
import { freePort } from './free-port.js';
import { describeError, engineSkipReason } from './required-engines.js';

/** Where the tests find the shared Redis: `.ci/start-engines` provides this one. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

let probe: Promise<string | null> | null = null;

/** null when the shared Redis answers PING, else why not (throws when TEST_REDIS_REQUIRED=1). */
export function redisUnavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return null;
    } catch (error) {
      return engineSkipReason('redis', 'Redis tests', `Redis unreachable at ${TEST_REDIS_URL}: ${describeError(error)}`);
    } finally {
      redis.disconnect();
    }
  })();
  return probe;
}

/** null when a private redis-server can be started, else why not (throws when TEST_REDIS_REQUIRED=1). */
export function redisServerMissingReason(): string | null {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  const missing = found.error || found.status !== 0 ? 'redis-server is not on the PATH' : null;
  return engineSkipReason('redis', 'Redis fault tests', missing);
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
