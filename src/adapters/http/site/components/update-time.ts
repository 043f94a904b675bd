/** @module The <time> element for "Updated …", which the browser script keeps ticking. */
import { formatUpdateTime } from '../../../../core/articles/update-time.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { SiteContext } from '../site-context.js';

export function updateTime(site: SiteContext, at: Date, prefix = 'Updated'): SafeHtml {
  return html`<span class="update-time">${prefix} <time datetime="${at.toISOString()}" data-ticking>${formatUpdateTime(at, site.now, site.edition)}</time></span>`;
}
