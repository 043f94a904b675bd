/**
 * @module The 'sign-in' e-mail: the one-time link to sign in, in the language and direction of the edition it was asked
 * from (right to left for Arabic), valid 15 minutes. Transactional: no List-Unsubscribe, no unsubscribe footer.
 */
import { html, safeUrl } from '../http/html/html.js';
import { translatorFor } from '../http/i18n/translate.js';
import type { MailRenderer, RenderedMail } from '../../core/deliveries/rendered-mail.js';
import type { Clock } from '../../core/shared/clock.js';
import { absoluteSiteUrl, type MailSiteDeps } from './mail-layout.js';

export interface SignInMailDeps extends Pick<MailSiteDeps, 'settings' | 'editions'> {
  /** With a clock, a link already expired when its turn comes (a long outage) is skipped, not sent. */
  clock?: Clock;
}

interface SignInPayload {
  token?: unknown;
  editionId?: unknown;
  expiresAt?: unknown;
}

/** Renders a sign-in delivery; null (skipped) when its token is gone or its link has expired meanwhile. */
export function createSignInMailRenderer(deps: SignInMailDeps): MailRenderer {
  return async (delivery): Promise<RenderedMail | null> => {
    const payload = delivery.payload as SignInPayload;
    if (typeof payload.token !== 'string' || !/^[\w-]{20,100}$/.test(payload.token)) return null;
    if (deps.clock && typeof payload.expiresAt === 'string' && Date.parse(payload.expiresAt) <= deps.clock.now().getTime()) return null;
    const edition = (typeof payload.editionId === 'string' ? deps.editions.byId(payload.editionId) : undefined) ?? deps.editions.first();
    const t = translatorFor(edition);
    const { siteName, siteUrl } = deps.settings;
    const link = absoluteSiteUrl(siteUrl, `${edition.pathPrefix}/account/verify?token=${encodeURIComponent(payload.token)}`);
    const subject = t('mail.signIn.subject', { site: siteName });
    const body = html`<!doctype html>
<html lang="${edition.language}" dir="${edition.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#f3f3f3">
<div role="article" aria-label="${subject}" lang="${edition.language}" dir="${edition.direction}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5">
<p style="margin:0 0 16px;font-size:22px;font-weight:bold">${siteName}</p>
<p style="margin:0 0 20px">${t('mail.signIn.intro', { site: siteName })}</p>
<p style="margin:0 0 20px"><a href="${safeUrl(link)}" style="display:inline-block;padding:12px 20px;background:#0b5d3b;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${t('mail.signIn.button', { site: siteName })}</a></p>
<p style="margin:0 0 20px;font-size:13px;color:#555555;word-break:break-all" dir="ltr">${link}</p>
<p style="margin:0;font-size:13px;color:#555555">${t('mail.signIn.ignore')}</p>
</div>
</body>
</html>`.toString();
    const text = [siteName, '', t('mail.signIn.intro', { site: siteName }), '', link, '', t('mail.signIn.ignore'), ''].join('\n');
    return { subject, html: body, text };
  };
}
