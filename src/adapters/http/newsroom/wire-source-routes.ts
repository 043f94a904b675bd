/** @module Wire sources in the newsroom (admins): feeds with their poll state and last error, push endpoints with a token shown once, poll now. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { WireSource } from '../../../core/wire/wire-source.js';
import type { WireServices } from '../../../core/wire/wire-desk.js';
import { html, type SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { requireAdmin } from './session-guard.js';
import { staffDateTime } from './staff-time.js';

const PROBLEM_TEXT: Record<string, string> = {
  'name missing': 'Give the source a name.',
  'url required for a feed': 'A feed needs its address (http or https).',
  'url must be http(s)': 'The feed address must start with http:// or https://.',
  'url not allowed for a push source': 'A push source has no address: agencies send to Dateline.',
  'interval too short': 'Poll a feed at most every 10 seconds.',
  'slug taken': 'There is already a source with this name.',
};

const sourceForm = z.object({
  name: z.string().max(100).default(''), kind: z.enum(['feed', 'push']), url: z.string().max(2_000).default(''),
  every: z.coerce.number().int().min(0).max(86_400).optional(), allow_private: z.string().optional(),
});

export function registerWireSourceRoutes(app: FastifyInstance, deps: NewsroomDeps, wire: WireServices): void {
  const when = (at: Date | null) => (at ? staffDateTime(at, deps.settings, 'short') : '—');

  function row(s: WireSource, csrf: string): SafeHtml {
    return html`<tr>
  <td><strong>${s.name}</strong><br><span class="field-hint">${s.kind === 'feed' ? s.url : html`POST ${deps.settings.siteUrl}/wire/push/${s.slug}`}</span></td>
  <td>${s.kind}${s.allowPrivate ? ' (private address allowed)' : ''}</td>
  <td>${s.kind === 'feed' ? html`every ${s.everySeconds} s<br>last ${when(s.lastPolledAt)}<br>next ${when(s.nextPollAt)}` : '—'}</td>
  <td>${s.failures > 0 ? html`<span class="field-error">${s.failures} failed: ${s.lastError ?? ''}</span>` : s.lastError ? html`<span class="field-hint">${s.lastError}</span>` : 'OK'}</td>
  <td>${s.kind === 'feed' ? html`<form class="inline-form" method="post" action="/newsroom/wire/sources/${s.slug}/poll"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-quiet" type="submit">Poll now</button></form>` : ''}</td>
</tr>`;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, flash: { kind: 'ok' | 'error'; text: string } | null, extra: SafeHtml | '' = '') {
    const csrf = request.staff!.session.csrfToken;
    const sources = await wire.sources.list();
    const main = html`<h1>Wire sources</h1>
<p><a href="/newsroom/wire">Back to the wire</a></p>
${extra}
${sources.length ? html`<table class="nr-table"><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Polling</th><th scope="col">State</th><th scope="col"></th></tr></thead>
<tbody>${sources.map((s) => row(s, csrf))}</tbody></table>` : html`<p class="empty-state">No sources yet.</p>`}
<h2>Add a source</h2>
<form class="nr-form" method="post" action="/newsroom/wire/sources"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label class="field-label" for="s-name">Name</label><input id="s-name" name="name" required maxlength="100"></div>
    <div class="field"><label class="field-label" for="s-kind">Kind</label><select id="s-kind" name="kind"><option value="feed">Feed we poll (RSS, Atom, ninjs, NewsML-G2)</option><option value="push">Agency pushes to us</option></select></div>
  </div>
  <div class="field"><label class="field-label" for="s-url">Feed address</label><input id="s-url" name="url" type="url" placeholder="https://agency.example/feed.xml" aria-describedby="s-url-hint">
    <p class="field-hint" id="s-url-hint">Feeds only. Private, loopback and link-local addresses are refused unless allowed below.</p></div>
  <div class="field-row">
    <div class="field"><label class="field-label" for="s-every">Poll every (seconds)</label><input id="s-every" name="every" type="number" min="10" max="86400" value="300"></div>
    <div class="field"><label><input type="checkbox" name="allow_private" value="1"> Allow a private address (an intranet wire server)</label></div>
  </div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Add source</button></div>
</form>`;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Wire sources', current: 'wire', user: request.staff!.user, csrf, flash }, main));
  }

  app.get('/newsroom/wire/sources', async (request, reply) => {
    requireAdmin(request, 'manage wire sources');
    return page(request, reply, 200, null);
  });

  app.post('/newsroom/wire/sources', async (request, reply) => {
    requireAdmin(request, 'manage wire sources');
    const parsed = sourceForm.safeParse(request.body);
    if (!parsed.success) return page(request, reply, 400, { kind: 'error', text: 'Choose a kind of source and fill in its name.' });
    const form = parsed.data;
    const added = await wire.sources.add({
      name: form.name, kind: form.kind, url: form.kind === 'feed' ? form.url.trim() : null,
      ...(form.kind === 'feed' && form.every ? { everySeconds: form.every } : {}), allowPrivate: form.allow_private === '1',
    });
    if (!added.ok) return page(request, reply, 400, { kind: 'error', text: PROBLEM_TEXT[added.reason] ?? added.reason });
    request.log.info({ event: 'wire.source_added', source: added.value.source.slug, kind: added.value.source.kind }, 'wire source added');
    const token = added.value.pushToken;
    const notice = token ? html`<div class="flash" data-kind="ok" role="status"><p>Give the agency this address and token. The token is shown only now.</p>
  <p><code>POST ${deps.settings.siteUrl}/wire/push/${added.value.source.slug}</code><br><code>Authorization: Bearer ${token}</code></p></div>` : '';
    return page(request, reply, 200, token ? null : { kind: 'ok', text: `Added ${added.value.source.name}; it is polled within a few seconds.` }, notice);
  });

  app.post('/newsroom/wire/sources/:slug/poll', async (request, reply) => {
    requireAdmin(request, 'manage wire sources');
    const { slug } = z.object({ slug: z.string().max(100) }).parse(request.params);
    const source = await wire.sources.findBySlug(slug);
    if (!source || source.kind !== 'feed') throw new DomainError('VALIDATION_FAILED', 'There is no such feed.');
    const result = await wire.poller.pollSource(source);
    const text = result.status === 'error' ? `Polling ${source.name} failed: ${result.error ?? 'unknown error'}` : `Polled ${source.name}: ${result.ingested} new, ${result.updated} updated, ${result.duplicates} already known.`;
    return page(request, reply, 200, { kind: result.status === 'error' ? 'error' : 'ok', text });
  });
}
