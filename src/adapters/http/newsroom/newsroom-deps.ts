/** @module What the newsroom's HTTP routes are built from. */
import type { AuthService } from '../../../core/staff/auth-service.js';
import type { UserStore } from '../../../core/staff/staff-stores.js';
import type { NewsroomService } from '../../../core/workflow/newsroom-service.js';
import type { ArticleStore } from '../../../core/articles/article-store.js';
import type { SectionStore } from '../../../core/sections/section-store.js';
import type { TopicStore } from '../../../core/topics/topic-store.js';
import type { Clock } from '../../../core/shared/clock.js';
import type { StaticAssets } from '../assets/static-assets.js';
import type { SiteSettings } from '../http-deps.js';
import type { MediaLibrary } from '../../../core/media/media-library.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import type { SettingsStore } from '../../../core/settings/site-settings.js';
import type { WireServices } from '../../../core/wire/wire-desk.js';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';
import type { EditionStore } from '../../../core/editions/edition-store.js';
import type { AuthorProfileService } from '../../../core/authors/author-profile-service.js';
import type { SitePageService } from '../../../core/site-pages/site-page-service.js';
import type { AlertService } from '../../../core/alerts/alert-service.js';
import type { NewsletterNewsroomDeps } from './newsletter-routes.js';
import type { TopicJobService } from '../../../core/topics/topic-job-status.js';

export interface NewsroomDeps {
  settings: SiteSettings;
  assets: StaticAssets;
  clock: Clock;
  auth: AuthService;
  users: UserStore;
  newsroom: NewsroomService;
  articles: ArticleStore;
  sections: SectionStore;
  topics: TopicStore;
  media: MediaLibrary;
  settingsStore: SettingsStore;
  events: EventBus;
  /** The editions this process serves (a story's edition, the section picker, preview). */
  editions: EditionDirectory;
  /** Where the editions admin reads and writes them. */
  editionStore: EditionStore;
  /** Author profiles (photo, role, bio, links) and who may edit them. */
  profiles: AuthorProfileService;
  /** The editions' static pages (About, Contact, Corrections policy, Privacy): editors and admins write them. */
  pages: SitePageService;
  /** The wire desk; absent in a newsroom without it. */
  wire?: WireServices;
  /** Breaking-news alerts ("Send alert" on a published story); absent: those routes answer 404. */
  alerts?: AlertService;
  /** Newsletters (compose, preview, schedule, send, counts); absent: those routes answer 404. */
  newsletters?: NewsletterNewsroomDeps;
  /** The topic suggestion job's progress on the desk (editors and admins); absent: not shown. */
  topicJob?: TopicJobService;
}
