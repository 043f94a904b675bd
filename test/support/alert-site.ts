/** A test site with breaking-news alerts wired in: push routes on the reader site, "Send alert" in the newsroom, a VAPID pair. */
import type { Agent } from 'node:https';
import type { FastifyInstance } from 'fastify';
import webpush from 'web-push';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { createAlertServices, type AlertServices } from '../../src/main/alert-services.js';
import { createTestSite, type TestSite, type TestSiteOptions } from './test-site.js';

export interface AlertSite {
  site: TestSite;
  /** The app with push routes and the newsroom's alert routes (site.app has neither). */
  app: FastifyInstance;
  services: AlertServices;
  vapid: { publicKey: string; privateKey: string; subject: string };
  readerLinkKey: Buffer;
  close(): Promise<void>;
}

/** `strictEndpoints`: refuse loopback and private endpoints as production does (default: allowed, for the local push service). */
export async function createAlertSite(options: TestSiteOptions & { agent?: Agent; strictEndpoints?: boolean } = {}): Promise<AlertSite> {
  const site = await createTestSite({ newsroom: true, ...options });
  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:desk@news.test' };
  const readerLinkKey = Buffer.from('alert-test-link-key-0123456789abcdef');
  const services = createAlertServices(site.storage, {
    clock: site.clock, vapid, settings: site.deps.settings, editions: site.deps.editions, readerLinkKey: async () => readerLinkKey,
    allowPrivateEndpoints: !options.strictEndpoints, ...(options.agent ? { agent: options.agent } : {}),
  });
  const newsroom = site.deps.newsroom!;
  const app = buildApp({ ...site.deps, push: services.pushSite, newsroom: { ...newsroom, deps: { ...newsroom.deps, alerts: services.alerts } } });
  await app.ready();
  return {
    site, app, services, vapid, readerLinkKey,
    close: async () => {
      await app.close();
      await site.close();
    },
  };
}

/** A reader row with its topic follows, straight into the reader database (accounts are another helper's). */
export async function addReader(site: TestSite, input: { email: string; edition?: string; alertEmail: boolean; topicIds?: string[] }): Promise<string> {
  const id = `reader-${input.email}`;
  const at = site.clock.now().toISOString();
  await site.storage.readerDb.insertInto('readers').values({ id, email: input.email, edition_id: input.edition ?? 'en', created_at: at, alert_email: input.alertEmail ? 1 : 0 }).execute();
  for (const target_id of input.topicIds ?? []) {
    await site.storage.readerDb.insertInto('reader_follows').values({ reader_id: id, kind: 'topic', target_id, created_at: at }).execute();
  }
  return id;
}

/** A published story of an edition that has accepted topics: its id and its topics' ids and slugs. */
export async function storyWithTopics(site: TestSite, edition = 'en'): Promise<{ id: string; headline: string; topics: { id: string; slug: string }[] }> {
  const rows = await site.storage.db.selectFrom('articles').innerJoin('article_topics', 'article_topics.article_id', 'articles.id')
    .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
    .select(['articles.id', 'articles.headline', 'topics.id as topicId', 'topics.slug'])
    .where('articles.status', '=', 'published').where('articles.edition_id', '=', edition).where('article_topics.accepted', '=', 1)
    .orderBy('articles.id').orderBy('article_topics.position').execute();
  const first = rows[0];
  if (!first) throw new Error(`no published ${edition} story with topics`);
  const mine = rows.filter((r) => r.id === first.id);
  return { id: first.id, headline: first.headline, topics: mine.map((r) => ({ id: r.topicId, slug: r.slug })) };
}

/** Any published story of an edition (the demo's Arabic stories have no topics). */
export async function publishedStory(site: TestSite, edition: string): Promise<{ id: string; headline: string }> {
  const row = await site.storage.db.selectFrom('articles').select(['id', 'headline']).where('status', '=', 'published').where('edition_id', '=', edition)
    .orderBy('id').executeTakeFirst();
  if (!row) throw new Error(`no published ${edition} story`);
  return row;
}
