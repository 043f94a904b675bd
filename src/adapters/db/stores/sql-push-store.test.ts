/** Alerts over SQLite and PostgreSQL: audiences (followers vs everyone, push and e-mail), rounds, batches, idempotent queuing, withdrawn stories. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertService } from '../../../core/alerts/alert-service.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { createSqlAlertStore } from './sql-alert-store.js';
import { createSqlPushStore } from './sql-push-store.js';
import { createSqlReaderStore } from './sql-reader-store.js';
import { addReader, createAlertSite, publishedStory, storyWithTopics, type AlertSite } from '../../../../test/support/alert-site.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../../../../test/support/postgres-test-database.js';

const keys = { p256dh: 'BP'.padEnd(87, 'A'), auth: 'AAAAAAAAAAAAAAAAAAAAAA' };

/** The same suite on each engine: SQLite in memory, and a fresh PostgreSQL schema when one is reachable. */
function describeAlerts(engine: string, skip: string | null, database: () => Promise<PostgresTestDatabase | null>) {
  describe.skipIf(skip)(`alerts on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const editor = { id: null as unknown as string, role: 'editor' as const };
    let db: PostgresTestDatabase | null = null;
    let t: AlertSite;
    let story: Awaited<ReturnType<typeof storyWithTopics>>;
    let n = 0;
    const subscribe = (input: { topicIds?: string[]; breaking: boolean; edition?: string }) => t.services.subscriptionStore.upsert({
      endpoint: `https://push.example/${++n}`, ...keys, readerId: null, editionId: input.edition ?? 'en', breaking: input.breaking, topicIds: input.topicIds ?? [],
    }, t.site.clock.now());

    beforeAll(async () => {
      db = await database();
      t = await createAlertSite({ arabic: true, ...(db ? { databaseUrl: db.url } : {}) });
      story = await storyWithTopics(t.site);
      const [topicA, topicB] = story.topics;
      // Push: two followers (one of both topics, counted once), one breaking-only, one of another edition, one following nothing relevant.
      await subscribe({ topicIds: [topicA!.id, topicB!.id], breaking: false });
      await subscribe({ topicIds: [topicB!.id], breaking: true });
      await subscribe({ breaking: true });
      await subscribe({ breaking: true, edition: 'ar' });
      await subscribe({ topicIds: ['no-such-topic'], breaking: false });
      // E-mail: a follower who chose e-mail, one who did not, one opted in to everything, one of another edition.
      await addReader(t.site, { email: 'follower@example.com', alertEmail: true, topicIds: [topicA!.id, topicB!.id] });
      await addReader(t.site, { email: 'quiet@example.com', alertEmail: false, topicIds: [topicA!.id] });
      await addReader(t.site, { email: 'all@example.com', alertEmail: true });
      await addReader(t.site, { email: 'qari@example.com', edition: 'ar', alertEmail: true });
    });
    afterAll(async () => {
      await t?.close();
      await db?.drop();
    });

    it('counts each audience: followers of the story’s topics, or everyone of its edition who allowed breaking news', async () => {
      const preview = await t.services.alerts.preview(story.id);
      expect(preview.audiences).toEqual({ followers: { push: 2, email: 1 }, everyone: { push: 2, email: 2 } });
      expect(preview.rounds).toEqual([]);
      expect(preview.notification.title).toEqual(story.headline.length <= 80 ? story.headline : expect.stringMatching(/…$/));
      expect(preview.notification.url).toMatch(/^\/article\//);
    });

    it('sends round 1 to followers (one push per browser, one e-mail per reader who chose it), then refuses a second unless confirmed', async () => {
      const me = await t.site.newsroom!.auth.addUser({ email: 'desk@news.test', name: 'Desk', role: 'editor', password: 'correct horse battery staple' });
      editor.id = me.id;
      const first = await t.services.alerts.send(editor, { articleId: story.id, audience: 'followers', confirmAgain: false });
      expect(first).toMatchObject({ round: { round: 1, audience: 'followers', recipients: 3 }, queued: 3 });
      const queued = await t.site.storage.readerDb.selectFrom('deliveries').select(['channel', 'kind', 'recipient', 'reader_id', 'payload', 'mailing'])
        .where('mailing', '=', `alert:${first.round.id}`).orderBy('channel').orderBy('recipient').execute();
      expect(queued.map((d) => [d.channel, d.kind])).toEqual([['email', 'alert'], ['push', 'alert'], ['push', 'alert']]);
      expect(queued[0]).toMatchObject({ recipient: 'follower@example.com', reader_id: 'reader-follower@example.com', payload: JSON.stringify({ alertId: first.round.id }) });

      const again = t.services.alerts.send(editor, { articleId: story.id, audience: 'everyone', confirmAgain: false });
      await expect(again).rejects.toMatchObject({ code: 'ALERT_ALREADY_SENT' });
      const second = await t.services.alerts.send(editor, { articleId: story.id, audience: 'everyone', confirmAgain: true });
      expect(second).toMatchObject({ round: { round: 2, audience: 'everyone' }, queued: 4 });
      const preview = await t.services.alerts.preview(story.id);
      expect(preview.rounds.map((r) => [r.round, r.audience, r.recipients, r.counts.queued, r.counts.waiting])).toEqual([[1, 'followers', 3, 3, 3], [2, 'everyone', 4, 4, 4]]);
    });

    it('sends one round when two editors press at once, and queuing a round twice adds nothing', async () => {
      const other = await publishedStory(t.site, 'ar');
      const results = await Promise.allSettled([1, 2].map(() => t.services.alerts.send(editor, { articleId: other.id, audience: 'everyone', confirmAgain: false })));
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(DomainError);
      expect((refused.reason as DomainError).code).toBe('ALERT_ALREADY_SENT');
      const rounds = await createSqlAlertStore(t.site.storage.db).listRounds(other.id);
      expect(rounds).toHaveLength(1);
      expect(rounds[0]!.recipients).toBe(2); // the Arabic edition: one breaking browser, one reader by e-mail
      // The outbox's idempotency key (round + recipient): queuing the same round again is a no-op.
      const { mailing, channel, kind, recipient, reader_id, payload } = (await t.site.storage.readerDb.selectFrom('deliveries').selectAll().where('mailing', '=', `alert:${rounds[0]!.id}`).executeTakeFirstOrThrow());
      expect(await t.site.storage.deliveries.enqueue([{ mailing, channel: channel as 'push', kind: kind as 'alert', recipient, readerId: reader_id, payload: JSON.parse(payload) as Record<string, unknown> }], t.site.clock.now())).toBe(0);
    });

    it('pages through a large audience in batches without missing or doubling anyone', async () => {
      const alone = await storyWithTopics(t.site);
      const [topic] = alone.topics;
      const extra = await Promise.all(Array.from({ length: 7 }, () => subscribe({ topicIds: [topic!.id], breaking: false })));
      const small = createAlertService({
        alerts: createSqlAlertStore(t.site.storage.db), subscriptions: createSqlPushStore(t.site.storage.readerDb, t.site.storage.db),
        deliveries: t.site.storage.deliveries, clock: t.site.clock, ids: { newId: () => `batch-${Math.random().toString(36).slice(2)}` }, batchSize: 2,
      });
      const sent = await small.send(editor, { articleId: alone.id, audience: 'followers', confirmAgain: true });
      const pushes = await t.site.storage.readerDb.selectFrom('deliveries').select('recipient').where('mailing', '=', `alert:${sent.round.id}`).where('channel', '=', 'push').execute();
      expect(pushes.map((p) => p.recipient).sort()).toEqual(expect.arrayContaining(extra));
      expect(new Set(pushes.map((p) => p.recipient)).size).toBe(pushes.length);
      expect(pushes.length).toBe((await t.services.alerts.preview(alone.id)).audiences.followers.push);
    });

    it('refuses an unpublished story, and renders nothing for a queued alert once its story is withdrawn', async () => {
      const { round } = (await t.services.alerts.preview(story.id)).rounds[0]!;
      const first = (await t.services.alerts.preview(story.id)).rounds[0]!;
      expect(round).toBe(1);
      const push = await t.services.alerts.renderPush({ payload: { alertId: first.id } });
      expect(push).toMatchObject({ title: first.title, url: first.url, tag: `alert-${story.id}`, lang: 'en', dir: 'ltr', urgency: 'normal' });
      await t.site.storage.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', story.id).execute();
      try {
        expect(await t.services.alerts.renderPush({ payload: { alertId: first.id } })).toBeNull();
        await expect(t.services.alerts.send(editor, { articleId: story.id, audience: 'everyone', confirmAgain: true })).rejects.toMatchObject({ code: 'ALERT_NOT_PUBLISHED' });
      } finally {
        await t.site.storage.db.updateTable('articles').set({ status: 'published' }).where('id', '=', story.id).execute();
      }
      await expect(t.services.alerts.preview('no-such-story')).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
      // An audience of nobody (the demo's Arabic stories have no topics) sends nothing and uses up no round.
      const untagged = await publishedStory(t.site, 'ar');
      const roundsBefore = (await t.services.alerts.preview(untagged.id)).rounds.length;
      await expect(t.services.alerts.send(editor, { articleId: untagged.id, audience: 'followers', confirmAgain: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'audience' } });
      expect((await t.services.alerts.preview(untagged.id)).rounds).toHaveLength(roundsBefore);
    });

    it('counts the browsers of a signed-in reader whose account follows the topic, once', async () => {
      const alone = await storyWithTopics(t.site);
      const before = (await t.services.alerts.preview(alone.id)).audiences.followers.push;
      const readerId = await addReader(t.site, { email: 'account@example.com', alertEmail: false, topicIds: [alone.topics[0]!.id] });
      const store = t.services.subscriptionStore;
      const base = { ...keys, editionId: 'en', breaking: false };
      // One browser follows nothing itself (the account does), the other also has the topic in its own list: two browsers.
      await store.upsert({ ...base, endpoint: 'https://push.example/account-1', readerId, topicIds: [] }, t.site.clock.now());
      await store.upsert({ ...base, endpoint: 'https://push.example/account-2', readerId, topicIds: [alone.topics[0]!.id] }, t.site.clock.now());
      expect((await t.services.alerts.preview(alone.id)).audiences.followers.push).toBe(before + 2);
    });

    it('replaces a browser’s topics when it subscribes again, and forgets it on unsubscribe', async () => {
      const store = t.services.subscriptionStore;
      const input = { endpoint: 'https://push.example/again', ...keys, readerId: null, editionId: 'en', breaking: false, topicIds: [story.topics[0]!.id] };
      const id = await store.upsert(input, t.site.clock.now());
      expect(await store.upsert({ ...input, topicIds: [story.topics[1]!.id], breaking: true }, t.site.clock.now())).toBe(id);
      const topics = await t.site.storage.readerDb.selectFrom('push_subscription_topics').select('topic_id').where('subscription_id', '=', id).execute();
      expect(topics.map((r) => r.topic_id)).toEqual([story.topics[1]!.id]);
      expect(await store.findById(id)).toMatchObject({ endpoint: input.endpoint, editionId: 'en' });
      expect(await store.removeByEndpoint(input.endpoint)).toBe(true);
      expect(await store.removeByEndpoint(input.endpoint)).toBe(false);
      expect(await store.findById(id)).toBeNull();
    });

    it('queues a signed-in reader’s pushes with their reader id, and deleting the account removes them (older rows without the id too)', async () => {
      const readerDb = t.site.storage.readerDb;
      const readerId = await addReader(t.site, { email: 'leaving@example.com', alertEmail: false });
      const subId = await t.services.subscriptionStore.upsert({ endpoint: 'https://push.example/leaving', ...keys, readerId, editionId: 'en', breaking: true, topicIds: [] }, t.site.clock.now());
      const sent = await t.services.alerts.send(editor, { articleId: story.id, audience: 'everyone', confirmAgain: true });
      const mine = await readerDb.selectFrom('deliveries').select(['reader_id']).where('mailing', '=', `alert:${sent.round.id}`).where('recipient', '=', subId).execute();
      expect(mine).toEqual([{ reader_id: readerId }]);
      // A push queued before pushes carried their reader's id.
      await t.site.storage.deliveries.enqueue([{ channel: 'push', kind: 'alert', mailing: 'alert:older', recipient: subId, readerId: null, payload: { alertId: 'older' } }], t.site.clock.now());
      expect(await createSqlReaderStore(readerDb).deleteReader(readerId)).toBe(true);
      expect(await readerDb.selectFrom('deliveries').select('id').where('recipient', '=', subId).execute()).toEqual([]);
      const others = await readerDb.selectFrom('deliveries').select('id').where('mailing', '=', `alert:${sent.round.id}`).execute();
      expect(others.length).toBe(sent.queued - 1);
    });

    it('resumes a round cut short while queuing: the rest queued, nobody twice, its count recorded; a round still queuing is left alone', async () => {
      const readerDb = t.site.storage.readerDb;
      const store = createSqlAlertStore(t.site.storage.db);
      const now = t.site.clock.now();
      const base = { articleId: story.id, audience: 'everyone' as const, title: 'عاجل: Breaking 🚨 速報', body: 'Срочно', url: '/x', recipients: null, createdBy: editor.id };
      const rounds = await store.listRounds(story.id);
      const next = rounds.reduce((n, r) => Math.max(n, r.round), 0) + 1;
      expect(await store.insertRound({ ...base, id: 'cut-short', round: next, createdAt: new Date(now.getTime() - 5 * 60_000) })).toBe(true);
      expect(await store.insertRound({ ...base, id: 'still-queuing', round: next + 1, createdAt: now })).toBe(true);
      const reach = (await t.services.alerts.preview(story.id)).audiences.everyone;
      // The process died after the first push of the round was queued.
      const [first] = await t.services.subscriptionStore.pushAudiencePage({ audience: 'everyone', editionId: 'en' }, null, 1);
      expect(await t.site.storage.deliveries.enqueue([{ channel: 'push', kind: 'alert', mailing: 'alert:cut-short', recipient: first!.id, readerId: first!.readerId, payload: { alertId: 'cut-short' } }], now)).toBe(1);

      expect(await t.services.alerts.resumeUnfinishedRounds(now)).toBe(1);
      const queued = await readerDb.selectFrom('deliveries').select(['channel', 'recipient']).where('mailing', '=', 'alert:cut-short').execute();
      expect(queued.length).toBe(reach.push + reach.email);
      expect(new Set(queued.map((d) => `${d.channel} ${d.recipient}`)).size).toBe(queued.length);
      expect((await store.findRound('cut-short'))!.recipients).toBe(reach.push + reach.email);
      expect((await store.findRound('still-queuing'))!.recipients).toBeNull();
      expect(await readerDb.selectFrom('deliveries').select('id').where('mailing', '=', 'alert:still-queuing').execute()).toEqual([]);
      // Finished rounds are not queued again; the other is taken once it has been queuing for over a minute.
      expect(await t.services.alerts.resumeUnfinishedRounds(now)).toBe(0);
      expect(await t.services.alerts.resumeUnfinishedRounds(new Date(now.getTime() + 2 * 60_000))).toBe(1);
      expect((await store.findRound('still-queuing'))!.recipients).toBe(reach.push + reach.email);
    });
  });
}

describeAlerts('SQLite', null, async () => null);
describeAlerts('PostgreSQL', await postgresUnavailableReason(), createPostgresTestDatabase);
