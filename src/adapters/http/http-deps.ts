/** @module What the HTTP app is built from; main/ assembles it once. */
import type { FastifyBaseLogger } from 'fastify';
import type { ArticleStore } from '../../core/articles/article-store.js';
import type { ReaderService } from '../../core/articles/reader-service.js';
import type { Clock } from '../../core/shared/clock.js';
import type { Revision } from '../../core/articles/article-workflow-store.js';
import type { SectionStore } from '../../core/sections/section-store.js';
import type { EditionDirectory } from '../../core/editions/edition-directory.js';
import type { SitePageStore } from '../../core/site-pages/site-page-store.js';
import type { StaticAssets } from './assets/static-assets.js';
import type { MediaRouteOptions } from './newsroom/media-routes.js';
import type { NewsroomDeps } from './newsroom/newsroom-deps.js';
import type { WirePushDeps } from './wire/wire-push-routes.js';
import type { PageCache } from './page-cache.js';
import type { LiveOptions } from './site/live-routes.js';
import type { ArticleSummary } from '../../core/articles/article.js';
import type { ReadCounter } from './read-counter.js';
import type { MailingSiteDeps } from './site/unsubscribe-routes.js';
import type { PushSiteDeps } from './site/push-routes.js';
import type { OldUrlLookup } from '../../core/site-import/site-import-store.js';
import type { ReaderAccountService } from '../../core/readers/reader-service.js';

export interface SiteSettings {
  siteName: string;
  siteDescription: string;
  siteUrl: string;
  timeZone: string;
  locale: string;
  /** 'off' when feeds carry summaries only (an admin setting); full text when absent or 'on'. */
  feedFullText?: string;
  /** The share image and publisher logo an admin chose (JSON, see site/site-images.ts); generated defaults when absent. */
  shareImage?: string;
  publisherLogo?: string;
}

export interface HttpDeps {
  settings: SiteSettings;
  reader: ReaderService;
  articles: ArticleStore;
  sections: SectionStore;
  /** The site's editions in memory (replaced when an admin changes one). */
  editions: EditionDirectory;
  /** Reads the editions from the database into `editions` (at start, and after a change in any process). */
  reloadEditions: () => Promise<void>;
  pageCache: PageCache;
  assets: StaticAssets;
  clock: Clock;
  /** Published versions of a story, oldest first ("What changed"). */
  publicRevisions: (articleId: string) => Promise<Revision[]>;
  logger?: FastifyBaseLogger;
  newsroom?: { deps: NewsroomDeps; media: MediaRouteOptions };
  /** Agencies' push endpoint (POST /wire/push/:source). */
  wirePush?: WirePushDeps;
  /** Story events pushed to this process's readers on GET /live; without it /live answers 204 (no live updates). */
  live?: LiveOptions;
  /** Most read: the edition's list for pages, and the counter story pages report reads to (null: counting is off). */
  mostRead?: MostReadDeps;
  /** The editions' static pages (About, Contact, Corrections policy, Privacy); without it they answer 404 and the footer omits them. */
  sitePages?: Pick<SitePageStore, 'find' | 'list'>;
  /** Mailings on the reader site: unsubscribe links (GET page, RFC 8058 one-click POST); without it /unsubscribe answers 404. */
  mailings?: MailingSiteDeps;
  /** Reader accounts (sign-in by e-mail link, /account…); without it those routes answer 404. */
  readerAccounts?: ReaderAccountService;
  /** Breaking-news subscriptions (GET /push/key, POST/DELETE /push/subscriptions); without it /push/key answers 204 and the rest 404. */
  push?: PushSiteDeps;
  /** Old addresses of an imported site (site/old-url-redirects.ts); without it only old feed addresses redirect. */
  oldUrls?: OldUrlLookup;
}

export interface MostReadDeps {
  list(edition: string): Promise<ArticleSummary[]>;
  counter: ReadCounter | null;
  /** Takes the reads counted in memory to the store now (the flush timer's round; tests call it). */
  flush(): Promise<number>;
}
