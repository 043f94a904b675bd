/** The newsletter store on SQLite and, when it answers, PostgreSQL: conditional saves, due lists, one claim per newsletter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../../../../test/support/postgres-test-database.js';
import { openStorage, type Storage } from '../../../main/storage.js';
import type { Newsletter } from '../../../core/mailings/newsletter.js';
import { createSqlNewsletterStore } from './sql-newsletter-store.js';

const unavailable = await postgresUnavailableReason();
const ENGINES = [
  { name: 'SQLite', skip: null as string | null, open: async () => null as PostgresTestDatabase | null },
  { name: 'PostgreSQL', skip: unavailable, open: () => createPostgresTestDatabase() },
];
const T0 = new Date('2026-12-06T08:00:00Z');
const draft = (id: string, over: Partial<Newsletter> = {}): Newsletter => ({
  id, editionId: 'en', subject: 'Morning 🌅 الصباح', intro: 'Hello', storyIds: ['a', 'b'], audience: 'opted-in', topicId: null, status: 'draft',
  scheduledAt: null, sentAt: null, recipients: null, createdBy: null, createdAt: T0, updatedAt: T0, ...over,
});

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`newsletter store on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    let database: PostgresTestDatabase | null;
    let storage: Storage;
    let store: ReturnType<typeof createSqlNewsletterStore>;
    beforeAll(async () => {
      database = await engine.open();
      storage = await openStorage(database?.url ?? 'sqlite::memory:');
      store = createSqlNewsletterStore(storage.db);
      await storage.db.insertInto('topics').values({ id: 't-1', slug: 'gaza', name: 'غزة', kind: 'place' }).execute();
    });
    afterAll(async () => {
      await storage?.close();
      await database?.drop();
    });

    it('round-trips a newsletter and saves only from the statuses given', async () => {
      await store.insert(draft('n1'));
      expect(await store.find('n1')).toEqual(draft('n1'));
      const change = { subject: 'Evening', intro: 'Bye\n\nNow', storyIds: ['b'], audience: 'topic' as const, topicId: 't-1', status: 'scheduled' as const, scheduledAt: new Date('2026-12-06T18:00:00Z') };
      expect(await store.save('n1', change, ['draft', 'scheduled'], new Date('2026-12-06T09:00:00Z'))).toBe(true);
      expect(await store.find('n1')).toMatchObject({ subject: 'Evening', storyIds: ['b'], audience: 'topic', topicId: 't-1', status: 'scheduled', scheduledAt: change.scheduledAt });
      expect(await store.save('n1', change, ['draft'], T0)).toBe(false);
      expect(await store.findTopic({ slug: 'gaza' })).toEqual({ id: 't-1', slug: 'gaza', name: 'غزة' });
      expect(await store.findTopic({ id: 't-1' })).toMatchObject({ slug: 'gaza' });
      expect(await store.findTopic({ slug: 'nowhere' })).toBeNull();
    });

    it('lists due newsletters and lets exactly one of many claims win; a stale send is taken over', async () => {
      await store.insert(draft('n2', { status: 'scheduled', scheduledAt: new Date('2026-12-06T10:00:00Z') }));
      await store.insert(draft('n3', { status: 'scheduled', scheduledAt: new Date('2026-12-07T10:00:00Z') }));
      const now = new Date('2026-12-06T10:00:05Z');
      const stale = new Date(now.getTime() - 600_000);
      expect(await store.listDue(now, stale)).toEqual(['n2']);
      // A newsletter moved to a later time is not claimed by a scheduler that listed it before.
      expect(await store.claim('n3', ['scheduled'], stale, now, now)).toBe(false);
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.claim('n2', ['scheduled'], stale, now)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.listDue(now, stale)).toEqual([]);
      // Twenty minutes later nobody touched it: its process died; it is due again and one claim takes it over.
      const later = new Date(now.getTime() + 20 * 60_000);
      expect(await store.listDue(later, new Date(later.getTime() - 600_000))).toEqual(['n2']);
      expect(await store.claim('n2', ['scheduled'], new Date(later.getTime() - 600_000), later)).toBe(true);
      await store.markSent('n2', 42, later);
      expect(await store.find('n2')).toMatchObject({ status: 'sent', recipients: 42, sentAt: later });
      expect((await store.list(10)).map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3']);
    });
  });
}
