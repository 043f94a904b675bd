/**
 * @module The 'digest' renderer: at sending time, a reader's digest from the ids queued (stories since withdrawn drop
 * out); null (skipped) when the reader turned digests off or deleted the account since, or no story is left.
 */
import { z } from 'zod';
import { articlePath } from '../../core/articles/article.js';
import type { ArticleStore } from '../../core/articles/article-store.js';
import type { MailRenderer } from '../../core/deliveries/rendered-mail.js';
import { intlLocale } from '../../core/editions/edition.js';
import type { MailingStore } from '../../core/mailings/mailing-store.js';
import { zonedFormatter } from '../../core/shared/zoned-time.js';
import { html } from '../http/html/html.js';
import { translatorFor } from '../http/i18n/translate.js';
import { absoluteSiteUrl, oneLine, renderedMail, storyListHtml, storyListText, unsubscribeUrlOf, type MailFrame, type MailSiteDeps } from './mail-layout.js';

const payloadSchema = z.object({
  edition: z.string(),
  date: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  storyIds: z.array(z.string()).min(1).max(100),
});

export interface DigestMailDeps extends MailSiteDeps {
  readers: Pick<MailingStore, 'findReader'>;
  articles: Pick<ArticleStore, 'findSummariesByIds'>;
}

export function createDigestMailRenderer(deps: DigestMailDeps): MailRenderer {
  return async (delivery) => {
    const payload = payloadSchema.safeParse(delivery.payload);
    if (!payload.success || !delivery.readerId) return null;
    const reader = await deps.readers.findReader(delivery.readerId);
    if (!reader || reader.digest === 'off') return null;
    const stories = await deps.articles.findSummariesByIds(payload.data.storyIds);
    if (stories.length === 0) return null;
    const edition = deps.editions.byId(payload.data.edition) ?? deps.editions.first();
    const t = translatorFor(edition);
    const { siteName, siteUrl } = deps.settings;
    // The local date as the edition writes it (noon UTC of that date, read in UTC, is that date everywhere).
    const date = zonedFormatter(intlLocale(edition), 'UTC', { dateStyle: 'long' }).format(Date.parse(`${payload.data.date}T12:00:00Z`));
    const frame: MailFrame = {
      edition, t, siteName, siteUrl,
      subject: oneLine(t('mail.digest.subject', { frequency: reader.digest, site: siteName, date })),
      why: t('mail.why.digest', { site: siteName }),
      unsubscribeUrl: await unsubscribeUrlOf(deps, reader.id, 'digest', delivery.mailing),
    };
    const items = stories.map((s) => ({ headline: s.headline, url: absoluteSiteUrl(siteUrl, articlePath(s)), summary: s.highlights[0] ?? '' }));
    const intro = t('mail.digest.intro', { count: items.length });
    const body = html`<h1 style="margin:0 0 8px;font-size:24px">${t('mail.digest.heading')}</h1>
<p style="margin:0 0 20px;color:#444444">${intro}</p>
${storyListHtml(items)}`;
    return renderedMail(frame, body, [t('mail.digest.heading'), intro, '', ...storyListText(items)]);
  };
}
