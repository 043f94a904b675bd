/** @module Sections (admins only): add a section to an edition, rename it, and set its place in its edition's menu. Slugs (and so URLs) never change. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { slugify } from '../../../core/shared/slug.js';
import { errorStatus } from '../error-status.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { sectionsByEdition } from './section-picker.js';
import { requireAdmin } from './session-guard.js';

const sectionForm = z.object({
  name: z.string().trim().min(1, 'A section needs a name.').max(60, 'At most 60 characters.'),
  position: z.coerce.number().int().min(0).max(1000).optional(),
  edition: z.string().max(40).optional(),
});

export function registerSectionRoutes(app: FastifyInstance, deps: NewsroomDeps, onChange: () => void): void {

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, flash: { kind: 'ok' | 'error'; text: string } | null) {
    const csrf = request.staff!.session.csrfToken;
    const editions = deps.editions.all();
    const groups = sectionsByEdition(await deps.sections.list(), editions);
    const prefixOf = (edition: string) => deps.editions.byId(edition)?.pathPrefix ?? `/${edition}`;
    const main = html`<h1>Sections</h1>
<table class="nr-table"><thead><tr><th scope="col">Name and place in the menu</th><th scope="col">Edition</th><th scope="col">Address</th></tr></thead>
<tbody>${groups.map((g) => g.sections.map((s) => {
      const address = `${prefixOf(s.edition)}/section/${s.slug}`;
      return html`<tr><td><form class="inline-form" method="post" action="/newsroom/sections/${encodeURIComponent(s.slug)}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label class="visually-hidden" for="n-${s.slug}">Name</label><input id="n-${s.slug}" name="name" value="${s.name}" maxlength="60" required dir="auto">
  <label class="visually-hidden" for="p-${s.slug}">Position</label><input id="p-${s.slug}" name="position" type="number" min="0" max="1000" value="${s.position}" size="4">
  <button class="btn btn-quiet" type="submit">Save</button></form></td><td lang="${g.edition.language}">${g.edition.name}</td>
  <td><a href="${prefixOf(s.edition)}/section/${encodeURIComponent(s.slug)}" dir="auto">${address}</a></td></tr>`;
    }))}</tbody></table>
<h2>Add a section</h2>
<form class="nr-form" method="post" action="/newsroom/sections"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label class="field-label" for="s-name">Name</label><input id="s-name" name="name" maxlength="60" required dir="auto"></div>
    <div class="field"><label class="field-label" for="s-edition">Edition</label><select id="s-edition" name="edition">${editions.map((e) => html`<option value="${e.id}" lang="${e.language}">${e.name}</option>`)}</select></div>
  </div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Add section</button></div>
</form>`;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Sections', current: 'sections', user: request.staff!.user, csrf, flash }, main));
  }

  app.get('/newsroom/sections', async (request, reply) => {
    requireAdmin(request, 'manage sections');
    return page(request, reply, 200, null);
  });

  async function run(request: FastifyRequest, reply: FastifyReply, action: () => Promise<string>) {
    requireAdmin(request, 'manage sections');
    try {
      const text = await action();
      onChange();
      // Other processes drop their cached pages too (every page's menu lists the sections).
      await deps.events.publish({ type: 'site.settings_changed' });
      return page(request, reply, 200, { kind: 'ok', text });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return page(request, reply, errorStatus(error.code), { kind: 'error', text: error.message });
    }
  }

  function parse(body: unknown) {
    const parsed = sectionForm.safeParse(body);
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'The form is not valid.');
    return parsed.data;
  }

  app.post('/newsroom/sections', (request, reply) => run(request, reply, async () => {
    const { name, edition: editionId } = parse(request.body);
    const edition = editionId ? deps.editions.byId(editionId) : deps.editions.first();
    if (!edition) throw new DomainError('VALIDATION_FAILED', 'Choose one of the site\u2019s editions for the section.');
    const slug = slugify(name, 'section');
    // Slugs are unique across editions: /section/world and /ar/section/world would be one section.
    if (!(await deps.sections.create({ id: randomUUID(), slug, name, edition: edition.id }))) throw new DomainError('VALIDATION_FAILED', `There is already a section at /section/${slug}.`);
    return `Added ${name} to ${edition.name} at ${edition.pathPrefix}/section/${slug}.`;
  }));

  app.post('/newsroom/sections/:slug', (request, reply) => run(request, reply, async () => {
    const { slug } = z.object({ slug: z.string().max(100) }).parse(request.params);
    const { name, position } = parse(request.body);
    if (!(await deps.sections.update(slug, { name, position: position ?? 0 }))) throw new DomainError('SECTION_NOT_FOUND', 'There is no such section.');
    return `Saved ${name}.`;
  }));
}
