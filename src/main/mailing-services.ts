/**
 * @module Builds the mailings once: digests and newsletters (queued into the outbox), unsubscribe links, and the
 * 'digest' and 'newsletter' renderers the e-mail sender calls. main/ wires its parts into HttpDeps.mailings,
 * NewsroomDeps.newsletters, the sender's renderers and the timers of mailing-jobs.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/shared/clock.js';
import type { EditionDirectory } from '../core/editions/edition-directory.js';
import type { MailRenderers } from '../core/deliveries/rendered-mail.js';
import { createDigestService } from '../core/mailings/digest-service.js';
import { createNewsletterService } from '../core/mailings/newsletter-service.js';
import { createUnsubscribeService } from '../core/mailings/unsubscribe-service.js';
import { createSqlMailingStore } from '../adapters/db/stores/sql-mailing-store.js';
import { createSqlNewsletterStore } from '../adapters/db/stores/sql-newsletter-store.js';
import { createDigestMailRenderer } from '../adapters/mail/digest-mail.js';
import { createNewsletterMailRenderer, renderNewsletterMail } from '../adapters/mail/newsletter-mail.js';
import type { MailSiteDeps } from '../adapters/mail/mail-layout.js';
import type { MailingSiteDeps } from '../adapters/http/site/unsubscribe-routes.js';
import type { NewsletterNewsroomDeps } from '../adapters/http/newsroom/newsletter-routes.js';
import type { HttpDeps } from '../adapters/http/http-deps.js';
import type { Storage } from './storage.js';

export interface MailingOptions {
  clock: Clock;
  /** The site's settings object (read at rendering time: siteName, siteUrl). */
  settings: { siteName: string; siteUrl: string };
  /** The editions in memory (HttpDeps.editions): their zones make the digests' hours. */
  editions: EditionDirectory;
  /** The key of signed reader links (the secret store's readerLinkKey). */
  readerLinkKey: () => Promise<Buffer>;
  /** Readers per page when queueing (default 1,000). */
  batchSize?: number;
}

/** The reader whose address the preview is "sent" to: its unsubscribe link names no account and answers 404. */
const PREVIEW_READER = 'preview';

export function createMailingServices(storage: Storage, options: MailingOptions) {
  const ids = { newId: () => randomUUID() };
  const store = createSqlMailingStore(storage.db, storage.readerDb);
  const newsletterStore = createSqlNewsletterStore(storage.db);
  const site: MailSiteDeps = { settings: options.settings, editions: options.editions, readerLinkKey: options.readerLinkKey };
  const batch = options.batchSize ? { batchSize: options.batchSize } : {};
  const digests = createDigestService({ store, deliveries: storage.deliveries, editions: () => options.editions.all(), clock: options.clock, ...batch });
  const newsletters = createNewsletterService({
    newsletters: newsletterStore, readers: store, deliveries: storage.deliveries, articles: storage.articles, ids, clock: options.clock, ...batch,
  });
  const unsubscribe = createUnsubscribeService({ store, ids, clock: options.clock });
  const renderers: MailRenderers = {
    digest: createDigestMailRenderer({ ...site, readers: store, articles: storage.articles }),
    newsletter: createNewsletterMailRenderer({ ...site, readers: store, newsletters: newsletterStore, articles: storage.articles }),
  };
  const newsroom: NewsletterNewsroomDeps = {
    service: newsletters,
    preview: async (newsletter) => renderNewsletterMail(site, newsletter, await storage.articles.findSummariesByIds(newsletter.storyIds), PREVIEW_READER),
  };
  const siteDeps: MailingSiteDeps = { readerLinkKey: options.readerLinkKey, unsubscribe };
  return { digests, newsletters, unsubscribe, renderers, newsroom, site: siteDeps, store };
}

export type MailingServices = ReturnType<typeof createMailingServices>;

/** Mounts the mailings on the app's dependencies (before buildApp): unsubscribe links on the site, newsletters in the newsroom. */
export function attachMailings(deps: HttpDeps, mailings: MailingServices): HttpDeps {
  deps.mailings = mailings.site;
  if (deps.newsroom) deps.newsroom.deps.newsletters = mailings.newsroom;
  return deps;
}
