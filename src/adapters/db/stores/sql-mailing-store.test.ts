/** The mailing store and the digest service over real databases: SQLite, and PostgreSQL when it answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../../../../test/support/postgres-test-database.js';
import { createTestSite, type TestSite } from '../../../../test/support/test-site.js';
import { createDigestService } from '../../../core/mailings/digest-service.js';
import { createSqlMailingStore } from './sql-mailing-store.js';

const unavailable = await postgresUnavailableReason();
const ENGINES = [
  { name: 'SQLite', skip: null as string | null, url: async () => null as PostgresTestDatabase | null },
  { name: 'PostgreSQL', skip: unavailable, url: () => createPostgresTestDatabase() },
];

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`mailing store and digests on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    let site: TestSite;
    let database: PostgresTestDatabase | null;
    let store: ReturnType<typeof createSqlMailingStore>;
    let newestTopic: string;
    let arabicSection: string;

    beforeAll(async () => {
      database = await engine.url();
      site = await createTestSite({ arabic: true, ...(database ? { databaseUrl: database.url } : {}) });
      store = createSqlMailingStore(site.storage.db, site.storage.readerDb);
      const newest = async (edition: string) => site.storage.db.selectFrom('articles').select(['id', 'section_id']).where('edition_id', '=', edition)
        .where('status', '=', 'published').orderBy('first_published_at', 'desc').orderBy('id').executeTakeFirstOrThrow();
      const story = await newest('en');
      newestTopic = (await site.storage.db.selectFrom('article_topics').select('topic_id').where('article_id', '=', story.id).where('accepted', '=', 1)
        .orderBy('position').executeTakeFirstOrThrow()).topic_id;
      arabicSection = (await newest('ar')).section_id;
    }, 60_000);
    afterAll(async () => {
      await site?.close();
      await database?.drop();
    });

    async function addReaders(prefix: string, count: number, columns: Record<string, unknown>, follow: string | null, kind = 'topic') {
      const readers = Array.from({ length: count }, (_, i) => ({
        id: `${prefix}-${String(i).padStart(5, '0')}`, email: `${prefix}${i}@mail.test`, edition_id: 'en', created_at: '2025-01-01T00:00:00.000Z', ...columns,
      }));
      for (let i = 0; i < readers.length; i += 500) await site.storage.readerDb.insertInto('readers').values(readers.slice(i, i + 500)).execute();
      if (follow) {
        const follows = readers.map((r) => ({ reader_id: r.id, kind, target_id: follow, created_at: '2025-01-01T00:00:00.000Z' }));
        for (let i = 0; i < follows.length; i += 500) await site.storage.readerDb.insertInto('reader_follows').values(follows.slice(i, i + 500)).execute();
      }
      return readers;
    }

    it('queues one digest per due reader for 1,200 readers, idempotently, and none when nothing is new', async () => {
      await addReaders('d', 1100, { digest: 'daily', digest_hour: 18 }, newestTopic);
      await addReaders('e', 100, { digest: 'daily', digest_hour: 18 }, null);
      await addReaders('w', 50, { digest: 'weekly', digest_hour: 18, digest_weekday: 3 }, newestTopic);
      await addReaders('h', 20, { digest: 'daily', digest_hour: 20 }, newestTopic); // not their hour yet
      const digests = createDigestService({ store, deliveries: site.storage.deliveries, editions: () => site.deps.editions.all(), clock: site.clock, batchSize: 250 });
      const now = new Date('2025-01-17T18:10:00Z'); // a Friday, 18:10 in the English edition's zone (UTC)

      expect(await digests.queueDueDigests(now)).toEqual({ due: 1200, queued: 1100, empty: 100 });
      const counts = await site.storage.deliveries.countsOf('digest:en:2025-01-17');
      expect(counts.queued).toBe(1100);
      const one = await site.storage.readerDb.selectFrom('deliveries').selectAll().where('reader_id', '=', 'd-00007').executeTakeFirstOrThrow();
      expect(one).toMatchObject({ kind: 'digest', channel: 'email', recipient: 'd7@mail.test', status: 'pending' });
      expect(JSON.parse(one.payload)).toMatchObject({ edition: 'en', date: '2025-01-17' });
      expect((JSON.parse(one.payload) as { storyIds: string[] }).storyIds.length).toBeGreaterThan(0);

      // Later in the hour, or in a second process: nobody is due again.
      expect(await digests.queueDueDigests(new Date('2025-01-17T18:40:00Z'))).toEqual({ due: 0, queued: 0, empty: 0 });
      // A crash after queueing and before digest_through moved: the readers are due again, and the outbox adds nothing.
      await site.storage.readerDb.updateTable('readers').set({ digest_through: null }).where('id', 'like', 'd-%').execute();
      expect(await digests.queueDueDigests(new Date('2025-01-17T18:50:00Z'))).toMatchObject({ due: 1100, queued: 0 });
      expect((await site.storage.deliveries.countsOf('digest:en:2025-01-17')).queued).toBe(1100);

      // The next day at 18:00: nothing was published since, so nothing is queued; digest_through still moves on.
      expect(await digests.queueDueDigests(new Date('2025-01-18T18:05:00Z'))).toEqual({ due: 1200, queued: 0, empty: 1200 });
      const reader = await site.storage.readerDb.selectFrom('readers').select('digest_through').where('id', '=', 'd-00001').executeTakeFirstOrThrow();
      expect(reader.digest_through).toBe('2025-01-18T18:05:00.000Z');
    }, 60_000);

    it('queues the Arabic edition at its own hour in Asia/Riyadh, and weekly readers on their weekday', async () => {
      const readers = await addReaders('ar', 3, { edition_id: 'ar', digest: 'daily', digest_hour: 21 }, arabicSection, 'section');
      await addReaders('aw', 2, { edition_id: 'ar', digest: 'weekly', digest_hour: 21, digest_weekday: 5 }, arabicSection, 'section');
      const digests = createDigestService({ store, deliveries: site.storage.deliveries, editions: () => site.deps.editions.all(), clock: site.clock });
      // 18:10 UTC is 21:10 in Riyadh on Friday 17 January (ISO weekday 5).
      expect(await digests.queueDueDigests(new Date('2025-01-17T18:10:00Z'))).toMatchObject({ queued: 5 });
      expect((await site.storage.deliveries.countsOf('digest:ar:2025-01-17')).queued).toBe(5);
      expect(readers).toHaveLength(3);
    });

    it('catches up a digest the job missed: down at 07:00, running again at 09:30, the digest goes once', async () => {
      await addReaders('late', 3, { digest: 'daily', digest_hour: 7, digest_through: '2025-01-17T00:00:00.000Z' }, newestTopic);
      const digests = createDigestService({ store, deliveries: site.storage.deliveries, editions: () => site.deps.editions.all(), clock: site.clock });
      const mine = async () => (await site.storage.readerDb.selectFrom('deliveries').select(['reader_id', 'mailing']).where('reader_id', 'like', 'late-%')
        .orderBy('reader_id').execute()).map((d) => `${d.reader_id} ${d.mailing}`);
      await digests.queueDueDigests(new Date('2025-01-18T06:30:00Z')); // before their hour
      expect(await mine()).toEqual([]);
      // No round between 06:59 and 09:30 (an outage); the 09:30 one sends the day's digest.
      await digests.queueDueDigests(new Date('2025-01-18T09:30:00Z'));
      const once = ['late-00000', 'late-00001', 'late-00002'].map((id) => `${id} digest:en:2025-01-18`);
      expect(await mine()).toEqual(once);
      await digests.queueDueDigests(new Date('2025-01-18T09:31:00Z'));
      await digests.queueDueDigests(new Date('2025-01-18T23:59:00Z'));
      expect(await mine()).toEqual(once);
      const through = await site.storage.readerDb.selectFrom('readers').select('digest_through').where('id', '=', 'late-00000').executeTakeFirstOrThrow();
      expect(through.digest_through).toBe('2025-01-18T09:30:00.000Z'); // not looked at again that day
    });

    it('finds readers, unsubscribes them once per list, counts it per mailing, and lists newsletter audiences', async () => {
      await addReaders('n', 5, { newsletters: 1, digest: 'daily', alert_email: 1 }, null);
      await addReaders('nt', 3, { newsletters: 1 }, newestTopic);
      await addReaders('no', 4, { newsletters: 0 }, newestTopic);
      expect(await store.findReader('n-00000')).toEqual({ id: 'n-00000', email: 'n0@mail.test', editionId: 'en', digest: 'daily', newsletters: true, alertEmail: true });
      expect(await store.findReader('nobody')).toBeNull();

      const at = new Date('2025-01-18T08:00:00Z');
      expect(await store.unsubscribe({ id: 'u1', readerId: 'n-00000', lists: ['newsletters'], mailing: 'newsletter:x', at })).toBe(true);
      expect(await store.unsubscribe({ id: 'u2', readerId: 'n-00000', lists: ['newsletters'], mailing: 'newsletter:x', at })).toBe(true);
      expect(await store.unsubscribe({ id: 'u3', readerId: 'n-00001', lists: ['digest', 'newsletters', 'alerts'], mailing: 'newsletter:x', at })).toBe(true);
      expect(await store.unsubscribe({ id: 'u4', readerId: 'nobody', lists: ['digest'], mailing: null, at })).toBe(false);
      expect(await store.findReader('n-00001')).toMatchObject({ digest: 'off', newsletters: false, alertEmail: false });
      expect(await store.countUnsubscribes('newsletter:x')).toBe(4);

      const all: string[] = [];
      for (let after = ''; ;) {
        const page = await store.listNewsletterAudience({ editionId: 'en', audience: 'opted-in', topicId: null, after, limit: 3 });
        all.push(...page.map((r) => r.id));
        if (page.length < 3) break;
        after = page[page.length - 1]!.id;
      }
      expect(all).toEqual(['n-00002', 'n-00003', 'n-00004', 'nt-00000', 'nt-00001', 'nt-00002']);
      const topic = await store.listNewsletterAudience({ editionId: 'en', audience: 'topic', topicId: newestTopic, after: '', limit: 100 });
      expect(topic.map((r) => r.id)).toEqual(['nt-00000', 'nt-00001', 'nt-00002']);
    });
  });
}
