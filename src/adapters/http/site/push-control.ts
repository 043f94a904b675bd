/** @module The "Breaking news alerts" control (Following and account pages): hidden until the browser script finds Web Push there. */
import { html, type SafeHtml } from '../html/html.js';
import type { SiteContext } from './site-context.js';

/**
 * Server markup in the page's words; the script (assets/client/push-alerts.ts) shows it only where the browser has
 * PushManager and the site has a VAPID key, and asks for permission only when the button is pressed. Its other words
 * ride in data attributes, so the one cached page serves every reader.
 */
export function renderPushControl(site: Pick<SiteContext, 't' | 'edition'>): SafeHtml {
  const { t } = site;
  return html`<section class="push-alerts" data-push-alerts data-edition="${site.edition.id}" aria-labelledby="push-alerts-heading" hidden
  data-label-on="${t('push.turnOn')}" data-label-off="${t('push.turnOff')}" data-status-on="${t('push.on')}" data-status-off="${t('push.off')}"
  data-status-denied="${t('push.denied')}" data-status-failed="${t('push.failed')}">
  <h2 id="push-alerts-heading">${t.html('push.heading')}</h2>
  <p>${t.html('push.intro')}</p>
  <p><label><input type="checkbox" data-push-breaking checked> ${t.html('push.breaking')}</label></p>
  <p><button type="button" class="push-toggle" data-push-toggle aria-pressed="false">${t.html('push.turnOn')}</button></p>
  <p data-push-status role="status"></p>
</section>`;
}
