/** @module The 'alert' e-mail: a breaking-news alert for a reader who chose alerts by e-mail, in the story's edition, right to left for Arabic. */
import { html, safeUrl } from '../http/html/html.js';
import { translatorFor } from '../http/i18n/translate.js';
import type { MailRenderer } from '../../core/deliveries/rendered-mail.js';
import type { AlertService } from '../../core/alerts/alert-service.js';
import type { PushSubscriptionStore } from '../../core/alerts/push-subscription-store.js';
import { absoluteSiteUrl, renderedMail, unsubscribeUrlOf, type MailFrame, type MailSiteDeps } from './mail-layout.js';

export interface AlertMailDeps extends MailSiteDeps {
  alerts: Pick<AlertService, 'resolve'>;
  /** Whether the reader still wants alerts by e-mail, read at sending time. */
  subscriptions: Pick<PushSubscriptionStore, 'alertEmailOf'>;
}

/** Renders an alert delivery; null (skipped) when the story was unpublished or the reader turned e-mail alerts off since. */
export function createAlertMailRenderer(deps: AlertMailDeps): MailRenderer {
  return async (delivery) => {
    if (!delivery.readerId) return null;
    const [resolved, email] = await Promise.all([deps.alerts.resolve(delivery), deps.subscriptions.alertEmailOf(delivery.readerId)]);
    if (!resolved || email === null) return null;
    const edition = deps.editions.byId(resolved.editionId) ?? deps.editions.first();
    const t = translatorFor(edition);
    const { notification: n } = resolved;
    const url = absoluteSiteUrl(deps.settings.siteUrl, n.url);
    const frame: MailFrame = {
      edition, t, subject: n.title, why: t('alertMail.why', { site: deps.settings.siteName }),
      unsubscribeUrl: await unsubscribeUrlOf(deps, delivery.readerId, 'alerts', delivery.mailing),
      siteName: deps.settings.siteName, siteUrl: deps.settings.siteUrl,
    };
    const body = html`<p style="margin:0 0 8px;font-size:13px;font-weight:bold;color:#b00020;text-transform:uppercase">${t('alertMail.kicker')}</p>
<h1 style="margin:0 0 12px;font-size:24px;line-height:1.25"><a href="${safeUrl(url)}" style="color:#1a1a1a;text-decoration:none">${n.title}</a></h1>
${n.body ? html`<p style="margin:0 0 16px">${n.body}</p>` : ''}
<p style="margin:0"><a href="${safeUrl(url)}" style="color:#0b5cad;text-decoration:underline">${t('alertMail.read')}</a></p>`;
    const lines = [t('alertMail.kicker'), '', n.title, ...(n.body ? ['', n.body] : []), '', `${t('alertMail.read')}: ${url}`];
    return renderedMail(frame, body, lines);
  };
}
