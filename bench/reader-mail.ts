/**
 * Issue 16's figures: a morning digest to N subscribers delivered into a local SMTP server, and a breaking-news alert
 * to N Web Push subscriptions delivered to a local RFC 8030 push service, each sent by `dateline deliver` (a process of
 * its own at a lower CPU priority, OUTBOX=off on the server) while warm article pages are measured on the server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage, type Storage } from '../src/main/storage.js';
import { createAlertServices } from '../src/main/alert-services.js';
import { loadReaderSecrets } from '../src/main/reader-secrets.js';
import { createEditionDirectory } from '../src/core/editions/edition-directory.js';
import { wallClockOf } from '../src/core/shared/zoned-time.js';
import { startSmtpSink } from '../test/support/smtp-sink.js';
import { startPushService } from '../test/support/push-service.js';
import { makeCorpusStory, type RealArticle } from './corpus.js';
import { track } from './child-processes.js';
import { freePort, startDateline } from './dateline-server.js';
import { hasCommand } from './load.js';
import type { createMeasurer } from './measure.js';
import type { Figure } from './report.js';

export interface ReaderMailRun {
  root: string;
  /** sqlite:PATH of the benchmark's working copy (its reader file is PATH-readers). */
  databaseUrl: string;
  articlePath: string;
  real: RealArticle[];
  subscribers: number;
  measure: ReturnType<typeof createMeasurer>;
  serverCpu: string;
  loadCpu: string;
  log: (line: string) => void;
}

const TOPICS = ['Bench Digest Markets', 'Bench Digest Climate', 'Bench Digest Football', 'Bench Digest Elections', 'Bench Digest Health'];
const INSERT_CHUNK = 500;

/** Five fresh stories on each bench topic, so every subscriber's digest has news; returns one to alert on. */
async function publishFreshStories(storage: Storage, real: RealArticle[], editionId: string): Promise<string> {
  const now = new Date();
  const codes = new Set<string>();
  let first = '';
  for (let i = 0; i < TOPICS.length * 5; i++) {
    const story = makeCorpusStory(900_000 + i, real, [TOPICS[i % TOPICS.length]!], now, Math.random, codes);
    const id = `bench-mail-${now.getTime()}-${i}`;
    await storage.articles.insert({
      ...story, id, slug: `bench-mail-${now.getTime()}-${i}`, revisionId: `${id}-rev`, edition: editionId,
      firstPublishedAt: new Date(now.getTime() - i * 60_000), updatedAt: new Date(now.getTime() - i * 60_000),
    });
    first ||= id;
  }
  return first;
}

/** N readers with a daily digest due this hour, each following two of the bench topics, in bulk. */
async function seedReaders(storage: Storage, editionId: string, timeZone: string, count: number): Promise<void> {
  const topics = await storage.db.selectFrom('topics').select(['id', 'name']).where('name', 'in', TOPICS).execute();
  if (topics.length !== TOPICS.length) throw new Error(`bench topics missing: found ${topics.map((t) => t.name).join(', ')}`);
  const hour = new Date(wallClockOf(Date.now(), timeZone)).getUTCHours();
  const at = new Date().toISOString();
  const run = randomUUID().slice(0, 8);
  for (let i = 0; i < count; i += INSERT_CHUNK) {
    const ids = Array.from({ length: Math.min(INSERT_CHUNK, count - i) }, (_, k) => `bench-reader-${run}-${i + k}`);
    await storage.readerDb.insertInto('readers').values(ids.map((id, k) => ({
      id, email: `reader-${run}-${i + k}@bench.example`, edition_id: editionId, created_at: at, digest: 'daily', digest_hour: hour, newsletters: 1,
    }))).execute();
    await storage.readerDb.insertInto('reader_follows').values(ids.flatMap((id, k) => [
      { reader_id: id, kind: 'topic', target_id: topics[(i + k) % topics.length]!.id, created_at: at },
      { reader_id: id, kind: 'topic', target_id: topics[(i + k + 1) % topics.length]!.id, created_at: at },
    ])).execute();
  }
}

async function seedPushSubscriptions(storage: Storage, editionId: string, subscriptions: { endpoint: string; keys: { p256dh: string; auth: string } }[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < subscriptions.length; i += INSERT_CHUNK) {
    await storage.readerDb.insertInto('push_subscriptions').values(subscriptions.slice(i, i + INSERT_CHUNK).map((s) => ({
      id: createHash('sha256').update(s.endpoint).digest('hex'), endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth,
      reader_id: null, edition_id: editionId, breaking: 1, created_at: at, updated_at: at,
    }))).execute();
  }
}

/** `dateline deliver` at the lowest priority, pinned beside the load generator: it takes what CPU the site leaves. */
function startDeliver(run: ReaderMailRun, env: Record<string, string>) {
  const entry = join(run.root, 'bin/dateline.js');
  const args = [process.execPath, entry, 'deliver'];
  const command = hasCommand('taskset') ? ['nice', '-n', '19', 'taskset', '-c', run.loadCpu, ...args] : ['nice', '-n', '19', ...args];
  const child = track(spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] }));
  return {
    pid: () => child.pid ?? 0,
    /** Peak resident memory (VmHWM) of the deliver process, in MB (its node process is the exec'd child). */
    peakRssMb(): number {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Resolves when `count()` reaches `wanted`; rejects after `timeoutMs` naming how far it got. */
async function waitUntil(count: () => number, wanted: number, timeoutMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (count() < wanted) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: ${count()} of ${wanted} arrived in ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The SMTP server and the push service run in this process: like the deliver process they are not the site, so for
 * this measurement the process moves beside the load generator at a lower priority, leaving the server's core to the
 * server (their decryption and parsing would otherwise land on it). Returns the function that moves it back.
 */
function stepAsideFromTheServer(loadCpu: string): () => void {
  if (!hasCommand('taskset') || process.getuid?.() !== 0) return () => undefined;
  const all = execFileSync('taskset', ['-p', '-c', String(process.pid)], { encoding: 'utf8' }).split(':').pop()!.trim();
  execFileSync('taskset', ['-a', '-p', '-c', loadCpu, String(process.pid)], { stdio: 'ignore' });
  setPriority(19);
  return () => {
    execFileSync('taskset', ['-a', '-p', '-c', all, String(process.pid)], { stdio: 'ignore' });
    setPriority(0);
  };
}

export async function measureReaderMail(run: ReaderMailRun): Promise<Figure[]> {
  const { log, measure, subscribers } = run;
  const figures: Figure[] = [];
  const storage = await openStorage(run.databaseUrl);
  const sink = await startSmtpSink({ keep: 'count' });
  const push = await startPushService({ keep: 'count' });
  const work = mkdtempSync(join(tmpdir(), 'dateline-bench-mail-'));
  const certFile = join(work, 'push-ca.pem');
  writeFileSync(certFile, push.cert);
  const server = await startDateline({ root: run.root, databaseUrl: run.databaseUrl, port: await freePort(), pageCache: true, cpus: run.serverCpu, env: { OUTBOX: 'off' } });
  // After the server started (a child inherits its parent's priority); the deliver process is started niced anyway.
  const stepBack = stepAsideFromTheServer(run.loadCpu);
  let deliver: ReturnType<typeof startDeliver> | null = null;
  try {
    const edition = (await storage.editions.list())[0]!;
    log(`  reader mail: seeding ${subscribers.toLocaleString('en-US')} digest subscribers and push subscriptions`);
    const alertStory = await publishFreshStories(storage, run.real, edition.id);
    await seedReaders(storage, edition.id, edition.timeZone, subscribers);
    await seedPushSubscriptions(storage, edition.id, Array.from({ length: subscribers }, () => push.createPushSubscription()));

    // The same path with the outbox idle before the digest and after the alert: the change is taken against their mean,
    // so a machine whose speed drifts during the run does not read as the outbox's doing.
    const idleBefore = await measure.throughput('article, warm (br), outbox idle (before)', server.origin, [run.articlePath], null);
    // The control: any busy process at the same place and priority as the deliver process (a shell spinning), to tell
    // what this 2-core machine loses to a second busy core from what sending mail or pushes costs.
    const spinner = track(spawn('nice', ['-n', '19', ...(hasCommand('taskset') ? ['taskset', '-c', run.loadCpu] : []), 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore' }));
    const control = await measure.throughput('article, warm (br), beside a busy low-priority process (control)', server.origin, [run.articlePath], null);
    spinner.kill('SIGKILL');
    const env = {
      DATABASE_URL: run.databaseUrl, SITE_URL: server.origin, SMTP_URL: sink.url, MAIL_FROM: 'Dateline Bench <news@bench.example>',
      MAIL_RATE_PER_SECOND: '100000', PUSH_ALLOW_PRIVATE_ENDPOINTS: 'on', NODE_EXTRA_CA_CERTS: certFile, LOG_LEVEL: 'warn', DEMO_CONTENT: 'off',
    };
    // Starting the deliver process runs its first mailing round at once: every subscriber's digest is due this hour.
    const digestStarted = performance.now();
    deliver = startDeliver(run, env);
    const during = await measure.throughput('article, warm (br), while the digest sends', server.origin, [run.articlePath], null);
    await waitUntil(() => sink.count, subscribers, Math.max(600_000, subscribers * 20), 'digest e-mails');
    const digestSeconds = (performance.now() - digestStarted) / 1000;
    const digestMemory = deliver.peakRssMb();
    log(`  digest: ${subscribers} messages in ${digestSeconds.toFixed(1)} s (${(subscribers / digestSeconds).toFixed(0)}/s), deliver process peak ${digestMemory.toFixed(0)} MB`);
    figures.push(
      { name: `digest run: ${subscribers.toLocaleString('en-US')} subscribers, queued and delivered into the local SMTP server (from process start)`, value: subscribers / digestSeconds, unit: 'messages/s', detail: `${digestSeconds.toFixed(1)} s` },
      { name: 'digest run: peak memory of the deliver process', value: digestMemory, unit: 'MB' },
    );

    // The alert is queued here as the newsroom's Send alert would (same service); the deliver process pushes it.
    const secrets = await loadReaderSecrets(storage, { readerLinkSecret: null, vapidKeys: null, vapidSubject: 'mailto:news@bench.example' }, { now: () => new Date() });
    const editions = createEditionDirectory(await storage.editions.list());
    const alerts = createAlertServices(storage, { clock: { now: () => new Date() }, vapid: secrets.vapid, settings: { siteName: 'Dateline', siteUrl: server.origin }, editions, readerLinkKey: async () => secrets.readerLinkKey });
    const editorId = `bench-editor-${randomUUID()}`;
    const at = new Date().toISOString();
    await storage.db.insertInto('users').values({ id: editorId, email: `${editorId}@bench.example`, name: 'Bench Editor', role: 'editor', password_hash: '!', author_id: null, created_at: at, password_changed_at: at, disabled_at: null }).execute();
    const alertStarted = performance.now();
    const { queued } = await alerts.alerts.send({ id: editorId, role: 'editor' }, { articleId: alertStory, audience: 'everyone', confirmAgain: false });
    const queuedSeconds = (performance.now() - alertStarted) / 1000;
    const duringAlert = await measure.throughput('article, warm (br), while the alert pushes', server.origin, [run.articlePath], null);
    await waitUntil(() => push.count, subscribers, Math.max(900_000, subscribers * 30), 'pushes');
    const alertSeconds = (performance.now() - alertStarted) / 1000;
    log(`  alert: ${queued} queued in ${queuedSeconds.toFixed(1)} s, the last received ${alertSeconds.toFixed(1)} s after Send`);
    const idleAfter = await measure.throughput('article, warm (br), outbox idle (after)', server.origin, [run.articlePath], null);
    const idle = (idleBefore.value + idleAfter.value) / 2;
    const change = (busy: number) => (busy / idle - 1) * 100;
    const idleNote = `idle ${idleBefore.value.toFixed(0)} before, ${idleAfter.value.toFixed(0)} after`;
    const vsControl = (busy: number) => `${((busy / control.value - 1) * 100).toFixed(1)} % against the control`;
    figures.push(
      { name: `alert to ${subscribers.toLocaleString('en-US')} push subscriptions: Send to the last one received by the local push service`, value: alertSeconds, unit: 's', detail: `queued in ${queuedSeconds.toFixed(1)} s; ${(subscribers / alertSeconds).toFixed(0)} pushes/s` },
      { name: 'article, warm (br), beside a busy low-priority process on the load core (control): change from idle', value: change(control.value), unit: '%', detail: `${control.value.toFixed(0)} req/s; ${idleNote}` },
      { name: 'article, warm (br), while the digest sends: change from outbox idle (issue: no worse than -10 %)', value: change(during.value), unit: '%', detail: `${during.value.toFixed(0)} req/s; ${vsControl(during.value)}; ${idleNote}` },
      { name: 'article, warm (br), while the alert pushes: change from outbox idle (issue: no worse than -10 %)', value: change(duringAlert.value), unit: '%', detail: `${duringAlert.value.toFixed(0)} req/s; ${vsControl(duringAlert.value)}; ${idleNote}` },
    );
  } finally {
    await deliver?.stop();
    await server.stop();
    await sink.close();
    await push.close();
    await storage.close();
    rmSync(work, { recursive: true, force: true });
    stepBack();
  }
  return figures;
}
