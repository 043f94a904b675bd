/**
 * @module The editions' static pages in the newsroom (editors and admins): a list per edition, and one page's form —
 * a title and plain text (blank lines between paragraphs, "## " headings, "- " lists, [text](https://…) links).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { blocksToPageText, isSitePageKind, MAX_SITE_PAGE_TEXT, MAX_SITE_PAGE_TITLE, SITE_PAGE_KINDS, type SitePageKind } from '../../../core/site-pages/site-page.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { errorStatus, wantsJson } from '../error-status.js';
import { html, type SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { signedInUser } from './session-guard.js';

const KIND_NAMES: Record<SitePageKind, string> = { about: 'About', contact: 'Contact', 'corrections-policy': 'Corrections policy', privacy: 'Privacy' };
const params = z.object({ edition: z.string().min(1).max(40), kind: z.string().max(40) });
const pageForm = z.object({ title: z.string().max(1000).default(''), text: z.string().max(MAX_SITE_PAGE_TEXT * 2).default('') });

type Flash = { kind: 'ok' | 'error'; text: string } | null;

export function registerSitePageAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, main: SafeHtml, flash: Flash = null) {
    const csrf = request.staff!.session.csrfToken;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title, current: 'pages', user: request.staff!.user, csrf, flash }, main));
  }

  function target(request: FastifyRequest): { edition: string; kind: SitePageKind; prefix: string; language: string } {
    const { edition, kind } = params.parse(request.params);
    const found = deps.editions.byId(edition);
    if (!found) throw new DomainError('EDITION_NOT_FOUND');
    if (!isSitePageKind(kind)) throw new DomainError('VALIDATION_FAILED', `There is no page "${kind}"; pages are ${SITE_PAGE_KINDS.join(', ')}.`);
    return { edition: found.id, kind, prefix: found.pathPrefix, language: found.language };
  }

  async function form(request: FastifyRequest, reply: FastifyReply, status: number, values: { title: string; text: string }, flash: Flash) {
    const { edition, kind, prefix, language } = target(request);
    const csrf = request.staff!.session.csrfToken;
    const main = html`<h1>${KIND_NAMES[kind]} <span class="nr-role">(${deps.editions.byId(edition)?.name ?? edition})</span></h1>
<p><a href="${prefix}/${kind}">See the page</a> · <a href="/newsroom/pages">All pages</a></p>
<form class="nr-form" method="post" action="/newsroom/pages/${edition}/${kind}" lang="${language}"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label class="field-label" for="p-title">Title</label><input id="p-title" name="title" value="${values.title}" maxlength="${MAX_SITE_PAGE_TITLE}" required dir="auto"></div>
  <div class="field"><label class="field-label" for="p-text">Text</label><textarea id="p-text" name="text" rows="18" maxlength="${MAX_SITE_PAGE_TEXT}" dir="auto" aria-describedby="p-text-hint">${values.text}</textarea>
    <p class="field-hint" id="p-text-hint">A blank line between paragraphs. A line starting with ## is a heading; lines starting with - are a list; [text](https://…), [text](mailto:…) or [text](/about) is a link.</p></div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Save page</button></div>
</form>`;
    return send(request, reply, status, KIND_NAMES[kind], main, flash);
  }

  app.get('/newsroom/pages', async (request, reply) => {
    deps.pages.requireEditor(signedInUser(request));
    const editions = deps.editions.all();
    const written = await Promise.all(editions.map(async (e) => new Set((await deps.pages.list(e.id)).map((p) => p.kind))));
    const main = html`<h1>Pages</h1>
<p class="field-hint">Each edition's About, Contact, Corrections policy and Privacy pages, linked from the site's footer once written.</p>
<table class="nr-table"><thead><tr><th scope="col">Page</th>${editions.map((e) => html`<th scope="col" lang="${e.language}">${e.name}</th>`)}</tr></thead>
<tbody>${SITE_PAGE_KINDS.map((kind) => html`<tr><th scope="row">${KIND_NAMES[kind]}</th>${editions.map((e, i) => html`<td><a href="/newsroom/pages/${e.id}/${kind}">${written[i]!.has(kind) ? 'Edit' : 'Write'}<span class="visually-hidden"> ${KIND_NAMES[kind]} (${e.name})</span></a></td>`)}</tr>`)}</tbody></table>`;
    return send(request, reply, 200, 'Pages', main);
  });

  app.get('/newsroom/pages/:edition/:kind', async (request, reply) => {
    deps.pages.requireEditor(signedInUser(request));
    const { edition, kind } = target(request);
    const page = await deps.pages.find(edition, kind);
    return form(request, reply, 200, { title: page?.title ?? '', text: page ? blocksToPageText(page.body) : '' }, null);
  });

  app.post('/newsroom/pages/:edition/:kind', async (request, reply) => {
    const user = signedInUser(request);
    const { edition, kind } = target(request);
    const values = pageForm.parse(request.body);
    try {
      const saved = await deps.pages.savePage(user, edition, kind, values);
      // Every page's footer links the pages: drop the cached pages in every process.
      await deps.events.publish({ type: 'site.settings_changed' });
      if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ page: { ...saved, updatedAt: saved.updatedAt.toISOString() } });
      return form(request, reply, 200, values, { kind: 'ok', text: 'Page saved.' });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED' || wantsJson(request)) throw error;
      return form(request, reply, errorStatus(error.code), values, { kind: 'error', text: error.message });
    }
  });
}
