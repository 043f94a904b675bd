/** @module Site settings (admins): the site's name and description, applied at once in every process; the rest comes from the environment. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isFeedFullText, settingsIssues, type EditableSettings } from '../../../core/settings/site-settings.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { siteImageFieldset, siteImageValue } from './site-image-picker.js';
import { requireAdmin } from './session-guard.js';

export function registerSettingsRoutes(app: FastifyInstance, deps: NewsroomDeps, onChange: () => void): void {

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, values: EditableSettings, flash: { kind: 'ok' | 'error'; text: string } | null) {
    const csrf = request.staff!.session.csrfToken;
    const library = await deps.media.search('', 24);
    const s = deps.settings;
    const main = html`<h1>Settings</h1>
<form class="nr-form" method="post" action="/newsroom/settings"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label class="field-label" for="site-name">Site name</label><input id="site-name" name="siteName" value="${values.siteName}" maxlength="80" required dir="auto"></div>
  <div class="field"><label class="field-label" for="site-description">Description</label><textarea id="site-description" name="siteDescription" rows="2" maxlength="300" dir="auto" aria-describedby="sd-hint">${values.siteDescription}</textarea>
    <p class="field-hint" id="sd-hint">Shown in the footer, feeds and search results.</p></div>
  <div class="field"><input type="checkbox" id="feed-full-text" name="feedFullText" value="on"${values.feedFullText === 'off' ? '' : html` checked`} aria-describedby="ff-hint"> <label for="feed-full-text">Full text in feeds</label>
    <p class="field-hint" id="ff-hint">RSS, Atom and JSON feeds carry each story's whole text and photos; off, they carry the highlights only.</p></div>
  ${siteImageFieldset('share', values.shareImage, library)}
  ${siteImageFieldset('logo', values.publisherLogo, library)}
  <div class="button-row"><button class="btn btn-primary" type="submit">Save settings</button></div>
</form>
<h2>From the environment</h2>
<p class="field-hint">These are set where Dateline is started (see README, Configuration) and need a restart to change.</p>
<dl class="nr-settings">
  <dt>Site address</dt><dd>${s.siteUrl}</dd>
  <dt>Time zone</dt><dd>${s.timeZone}</dd>
  <dt>Locale</dt><dd>${s.locale}</dd>
</dl>`;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Settings', current: 'settings', user: request.staff!.user, csrf, flash }, main));
  }

  app.get('/newsroom/settings', async (request, reply) => {
    requireAdmin(request, 'change the site settings');
    return page(request, reply, 200, { siteName: deps.settings.siteName, siteDescription: deps.settings.siteDescription, feedFullText: isFeedFullText(deps.settings) ? 'on' : 'off',
      shareImage: deps.settings.shareImage ?? '', publisherLogo: deps.settings.publisherLogo ?? '' }, null);
  });

  app.post('/newsroom/settings', async (request, reply) => {
    requireAdmin(request, 'change the site settings');
    const form = z.object({ siteName: z.string().max(1000).default(''), siteDescription: z.string().max(3000).default(''), feedFullText: z.string().max(10).optional(),
      shareImage: z.string().max(100).optional(), publisherLogo: z.string().max(100).optional() }).parse(request.body);
    // A form without the pickers (an older page, a script) keeps the images as they are.
    const [shareImage, publisherLogo] = await Promise.all([
      form.shareImage === undefined ? deps.settings.shareImage ?? '' : siteImageValue(deps.media, 'share', form.shareImage),
      form.publisherLogo === undefined ? deps.settings.publisherLogo ?? '' : siteImageValue(deps.media, 'logo', form.publisherLogo),
    ]);
    // An unticked checkbox sends nothing.
    const values: EditableSettings = { siteName: form.siteName.replace(/\s+/g, ' ').trim(), siteDescription: form.siteDescription.replace(/\s+/g, ' ').trim(), feedFullText: form.feedFullText === 'on' ? 'on' : 'off',
      shareImage: shareImage ?? deps.settings.shareImage ?? '', publisherLogo: publisherLogo ?? deps.settings.publisherLogo ?? '' };
    const issues = settingsIssues(values);
    if (shareImage === null || publisherLogo === null) issues.push({ path: shareImage === null ? 'shareImage' : 'publisherLogo', message: 'The chosen photo is no longer in the media library.' });
    if (issues.length) return page(request, reply, 400, values, { kind: 'error', text: issues.map((i) => i.message).join(' ') });
    await deps.settingsStore.save(values, deps.clock.now());
    Object.assign(deps.settings, values);
    onChange();
    await deps.events.publish({ type: 'site.settings_changed' });
    request.log.info({ event: 'settings.changed' }, 'site settings changed');
    return page(request, reply, 200, values, { kind: 'ok', text: 'Settings saved; every page shows them now.' });
  });
}
