/**
 * @module The frame every reader e-mail shares: an HTML part (inline styles, the edition's language and direction, every
 * value escaped by the html tag) and a plain-text part, each ending with why the reader gets it, the one-click
 * unsubscribe link and the preferences page.
 */
import { signReaderLink, type ReaderList } from '../auth/signed-links.js';
import { html, safeUrl, type SafeHtml } from '../http/html/html.js';
import type { Translate } from '../http/i18n/translate.js';
import { PREFERENCES_PATH } from '../http/site/unsubscribe-page.js';
import type { Edition } from '../../core/editions/edition.js';
import type { EditionDirectory } from '../../core/editions/edition-directory.js';
import type { RenderedMail } from '../../core/deliveries/rendered-mail.js';

/** What every renderer of reader e-mail needs of the site. */
export interface MailSiteDeps {
  /** Read at rendering time (an admin may rename the site). */
  settings: { siteName: string; siteUrl: string };
  editions: Pick<EditionDirectory, 'byId' | 'first'>;
  /** The key of signed reader links (D's secret store). */
  readerLinkKey: () => Promise<Buffer>;
}

export function absoluteSiteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The one-click unsubscribe URL of a reader and list, signed; `mailing` counts who left from which mailing. */
export async function unsubscribeUrlOf(deps: MailSiteDeps, readerId: string, list: ReaderList, mailing?: string): Promise<string> {
  const token = signReaderLink(await deps.readerLinkKey(), { readerId, list, ...(mailing ? { mailing } : {}) });
  return absoluteSiteUrl(deps.settings.siteUrl, `/unsubscribe/${token}`);
}

/** One line: a subject never carries a line break into the header. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

export interface MailFrame {
  edition: Edition;
  t: Translate;
  subject: string;
  /** Why the reader receives it (one sentence). */
  why: string;
  unsubscribeUrl: string;
  siteName: string;
  siteUrl: string;
}

const LINK = 'color:#0b5cad;text-decoration:underline';

function preferencesUrl(frame: MailFrame): string {
  return absoluteSiteUrl(frame.siteUrl, `${frame.edition.pathPrefix}${PREFERENCES_PATH}`);
}

export function mailHtml(frame: MailFrame, body: SafeHtml): string {
  const { edition, t } = frame;
  const home = absoluteSiteUrl(frame.siteUrl, edition.pathPrefix ? `${edition.pathPrefix}/` : '/');
  return html`<!doctype html>
<html lang="${edition.language}" dir="${edition.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.subject}</title>
</head>
<body style="margin:0;padding:0;background:#f3f3f3">
<div role="article" aria-label="${frame.subject}" lang="${edition.language}" dir="${edition.direction}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5">
<p style="margin:0 0 16px;font-size:22px;font-weight:bold"><a href="${safeUrl(home)}" style="color:#1a1a1a;text-decoration:none">${frame.siteName}</a></p>
${body}
<hr style="border:none;border-top:1px solid #cccccc;margin:24px 0 12px">
<p style="margin:0 0 8px;font-size:13px;color:#555555">${frame.why}</p>
<p style="margin:0;font-size:13px"><a href="${safeUrl(frame.unsubscribeUrl)}" style="${LINK}">${t('mail.unsubscribe')}</a> · <a href="${safeUrl(preferencesUrl(frame))}" style="${LINK}">${t('mail.preferences')}</a></p>
</div>
</body>
</html>`.toString();
}

/** The plain-text part: the body's lines, then the same footer as the HTML part. */
export function mailText(frame: MailFrame, lines: readonly string[]): string {
  return [
    frame.siteName, '', ...lines, '', '-- ', frame.why,
    `${frame.t('mail.unsubscribe')}: ${frame.unsubscribeUrl}`,
    `${frame.t('mail.preferences')}: ${preferencesUrl(frame)}`, '',
  ].join('\n');
}

/** A story as a linked headline and its first highlight, in both parts. */
export interface MailStory {
  headline: string;
  url: string;
  summary: string;
}

export function storyListHtml(stories: readonly MailStory[]): SafeHtml {
  return html`<ul style="list-style:none;margin:0;padding:0">${stories.map((s) => html`
<li style="margin:0 0 18px"><a href="${safeUrl(s.url)}" dir="auto" style="${LINK};font-size:18px;font-weight:bold">${s.headline}</a>${s.summary ? html`<br><span dir="auto" style="color:#444444;font-size:15px">${s.summary}</span>` : ''}</li>`)}
</ul>`;
}

export function storyListText(stories: readonly MailStory[]): string[] {
  return stories.flatMap((s) => [`* ${s.headline}`, ...(s.summary ? [`  ${s.summary}`] : []), `  ${s.url}`, '']);
}

export function renderedMail(frame: MailFrame, body: SafeHtml, lines: readonly string[]): RenderedMail {
  return { subject: frame.subject, html: mailHtml(frame, body), text: mailText(frame, lines), unsubscribeUrl: frame.unsubscribeUrl };
}
