/**
 * The outbox in two processes on one PostgreSQL schema: 2,000 queued e-mails drained at once by two workers into one
 * SMTP sink; every delivery arrives exactly once and both processes sent some (claims with FOR UPDATE SKIP LOCKED).
 * Skipped, saying why, where PostgreSQL is missing (a failure with TEST_POSTGRES_REQUIRED=1). Runs from source (tsx).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { idempotencyKeyOf, type NewDelivery } from '../../src/core/deliveries/delivery.js';
import { openStorage } from '../../src/main/storage.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const unavailable = await postgresUnavailableReason();
const DELIVERIES = 2000;
const MAILING = 'newsletter:two-processes';
const script = new URL('../support/outbox-drain-process.ts', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

interface Drainer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ sent: number; lost: number }>;
}

function startDrainer(env: NodeJS.ProcessEnv): Drainer {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env, cwd: root });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<{ sent: number; lost: number }>((resolve, reject) => {
    lines.on('line', (line) => (line === 'ready' ? markReady() : resolve(JSON.parse(line) as { sent: number; lost: number })));
    child.on('exit', (code) => reject(new Error(`drainer exited with ${code}: ${stderr}`)));
  });
  return { child, ready: Promise.race([ready, result.then(() => undefined)]), result };
}

describe.skipIf(unavailable)(`the outbox in two processes on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, { timeout: 180_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('sends each of 2,000 deliveries exactly once, some by each process', async () => {
    const database: PostgresTestDatabase = await createPostgresTestDatabase();
    cleanups.push(() => database.drop());
    const sink: SmtpSink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const storage = await openStorage(database.url, { poolMax: 2 });
    cleanups.push(() => storage.close());
    const queued: NewDelivery[] = Array.from({ length: DELIVERIES }, (_, i) => ({
      channel: 'email', kind: 'newsletter', mailing: MAILING, recipient: `reader${i}@example.net`, readerId: null, payload: { i },
    }));
    expect(await storage.deliveries.enqueue(queued, new Date())).toBe(DELIVERIES);

    const env = { ...process.env, DATABASE_URL: database.url, SMTP_URL: sink.url, MAILING };
    const drainers = [startDrainer(env), startDrainer(env)];
    cleanups.push(async () => { for (const d of drainers) d.child.kill(); });
    await Promise.all(drainers.map((d) => d.ready));
    for (const d of drainers) d.child.stdin.write('go\n');
    const results = await Promise.all(drainers.map((d) => d.result));

    expect(results.map((r) => r.sent).reduce((a, b) => a + b, 0)).toBe(DELIVERIES);
    for (const r of results) expect(r.sent).toBeGreaterThan(0);
    expect(results.every((r) => r.lost === 0)).toBe(true);
    expect(sink.count).toBe(DELIVERIES);
    const arrived = new Map<string, number>();
    for (const m of sink.messages) {
      const key = idempotencyKeyOf({ channel: 'email', kind: 'newsletter', mailing: MAILING, recipient: m.to[0] ?? '' });
      arrived.set(key, (arrived.get(key) ?? 0) + 1);
    }
    expect(arrived.size).toBe(DELIVERIES);
    expect([...arrived.values()].every((n) => n === 1)).toBe(true);
    for (const d of queued) expect(arrived.get(idempotencyKeyOf(d))).toBe(1);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(DELIVERIES);
    expect(await storage.deliveries.countsOf(MAILING)).toEqual({ queued: DELIVERIES, sent: DELIVERIES, failed: 0, skipped: 0, waiting: 0 });
  });
});
