/**
 * @module The 'newsletter' renderer: the editors' intro (plain paragraphs) and chosen stories, as the preview shows it
 * and the reader receives it; null (skipped) when the reader turned newsletters off since it was queued, or no story
 * of it is still published.
 */
import { z } from 'zod';
import { articlePath, type ArticleSummary } from '../../core/articles/article.js';
import type { ArticleStore } from '../../core/articles/article-store.js';
import type { MailRenderer, RenderedMail } from '../../core/deliveries/rendered-mail.js';
import type { MailingStore } from '../../core/mailings/mailing-store.js';
import { introParagraphs, newsletterMailing, type Newsletter } from '../../core/mailings/newsletter.js';
import type { NewsletterStore } from '../../core/mailings/newsletter-store.js';
import { html } from '../http/html/html.js';
import { translatorFor } from '../http/i18n/translate.js';
import { absoluteSiteUrl, oneLine, renderedMail, storyListHtml, storyListText, unsubscribeUrlOf, type MailFrame, type MailSiteDeps } from './mail-layout.js';

const payloadSchema = z.object({ newsletterId: z.string().min(1) });

/** The newsletter as `readerId` receives it (the preview passes a sample reader). */
export async function renderNewsletterMail(deps: MailSiteDeps, newsletter: Newsletter, stories: readonly ArticleSummary[], readerId: string): Promise<RenderedMail> {
  const edition = deps.editions.byId(newsletter.editionId) ?? deps.editions.first();
  const t = translatorFor(edition);
  const { siteName, siteUrl } = deps.settings;
  const frame: MailFrame = {
    edition, t, siteName, siteUrl, subject: oneLine(newsletter.subject),
    why: t('mail.why.newsletters', { site: siteName }),
    unsubscribeUrl: await unsubscribeUrlOf(deps, readerId, 'newsletters', newsletterMailing(newsletter.id)),
  };
  const paragraphs = introParagraphs(newsletter.intro);
  const items = stories.map((s) => ({ headline: s.headline, url: absoluteSiteUrl(siteUrl, articlePath(s)), summary: s.highlights[0] ?? '' }));
  const body = html`<h1 dir="auto" style="margin:0 0 16px;font-size:24px">${frame.subject}</h1>
${paragraphs.map((p) => html`<p dir="auto" style="margin:0 0 14px;white-space:pre-line">${p}</p>`)}
<h2 style="margin:24px 0 12px;font-size:18px">${t('mail.newsletter.stories')}</h2>
${storyListHtml(items)}`;
  return renderedMail(frame, body, [frame.subject, '', ...paragraphs.flatMap((p) => [p, '']), t('mail.newsletter.stories'), '', ...storyListText(items)]);
}

export interface NewsletterMailDeps extends MailSiteDeps {
  readers: Pick<MailingStore, 'findReader'>;
  newsletters: Pick<NewsletterStore, 'find'>;
  articles: Pick<ArticleStore, 'findSummariesByIds'>;
  /** How long one newsletter and its stories are kept between renders (a send renders it for every reader). */
  cacheMs?: number;
}

export function createNewsletterMailRenderer(deps: NewsletterMailDeps): MailRenderer {
  const cacheMs = deps.cacheMs ?? 30_000;
  const cache = new Map<string, { until: number; loaded: Promise<{ newsletter: Newsletter; stories: ArticleSummary[] } | null> }>();
  const load = (id: string) => {
    const now = performance.now();
    const hit = cache.get(id);
    if (hit && hit.until > now) return hit.loaded;
    for (const [key, entry] of cache) if (entry.until <= now) cache.delete(key);
    const loaded = deps.newsletters.find(id).then(async (newsletter) =>
      newsletter ? { newsletter, stories: await deps.articles.findSummariesByIds(newsletter.storyIds) } : null);
    cache.set(id, { until: now + cacheMs, loaded });
    loaded.catch(() => cache.delete(id));
    return loaded;
  };
  return async (delivery) => {
    const payload = payloadSchema.safeParse(delivery.payload);
    if (!payload.success || !delivery.readerId) return null;
    const reader = await deps.readers.findReader(delivery.readerId);
    if (!reader || !reader.newsletters) return null;
    const loaded = await load(payload.data.newsletterId);
    if (!loaded || loaded.stories.length === 0) return null;
    return renderNewsletterMail(deps, loaded.newsletter, loaded.stories, reader.id);
  };
}
