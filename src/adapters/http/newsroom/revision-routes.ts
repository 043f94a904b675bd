/** @module Revisions in the newsroom: the list, a word diff between any two, and restoring one as a new revision. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { storyDiff } from '../../../core/revisions/word-diff.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { checkArticleAction } from '../../../core/workflow/article-actions.js';
import { isOwnArticle } from '../../../core/workflow/article-reads.js';
import { html } from '../html/html.js';
import { fieldDiffs } from '../html/word-diff-html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { signedInUser } from './session-guard.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { flashOf } from './newsroom-story-routes.js';
import { staffDateTime } from './staff-time.js';

const params = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const KIND_LABEL: Record<string, string> = {
  created: 'Created', saved: 'Saved', autosave: 'Autosaved', submitted: 'Submitted', returned: 'Back to draft', published: 'Published',
  scheduled: 'Scheduled', unscheduled: 'Unscheduled', updated: 'Update', minor: 'Minor edit', corrected: 'Correction',
  unpublished: 'Unpublished', republished: 'Republished', restored: 'Restored', conflict: 'Conflicting save (not applied)',
};

export function registerRevisionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const page = (request: Parameters<typeof signedInUser>[0], title: string, main: ReturnType<typeof html>) =>
    renderNewsroomPage(deps.assets, deps.settings.siteName, { title, current: 'stories', user: request.staff?.user ?? null, csrf: request.staff?.session.csrfToken ?? null, flash: flashOf(request) }, main);
  const when = (at: Date) => staffDateTime(at, deps.settings);

  app.get('/newsroom/stories/:id/revisions', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = params.parse(request.params);
    const { state, revisions } = await deps.newsroom.listRevisions(user, id);
    const canRestore = checkArticleAction('restore', user.role, state.status, isOwnArticle(state, user)).ok;
    const latest = revisions[0]?.number ?? 1;
    const main = html`<h1>Revisions of “<bdi>${state.fields.headline || 'Untitled draft'}</bdi>”</h1>
<p><a href="/newsroom/stories/${id}/edit">Back to the editor</a></p>
<form method="get" action="/newsroom/stories/${id}/revisions/diff" class="nr-filters">
  <label for="from">Compare</label><select id="from" name="from">${revisions.map((r) => html`<option value="${r.number}"${r.number === Math.max(1, latest - 1) ? ' selected' : ''}>#${r.number} ${KIND_LABEL[r.kind] ?? r.kind}</option>`)}</select>
  <label for="to">with</label><select id="to" name="to">${revisions.map((r) => html`<option value="${r.number}"${r.number === latest ? ' selected' : ''}>#${r.number} ${KIND_LABEL[r.kind] ?? r.kind}</option>`)}</select>
  <button class="btn" type="submit">Show differences</button>
</form>
<ol class="revision-list" reversed>${revisions.map((r) => html`<li>
  <strong>#${r.number} ${KIND_LABEL[r.kind] ?? r.kind}</strong> · <bdi>${r.actorName ?? (r.actor === null ? 'System' : 'Someone')}</bdi> · <time datetime="${r.createdAt.toISOString()}">${when(r.createdAt)}</time>
  ${r.note ? html`<span class="field-hint"> — <bdi>${r.note}</bdi></span>` : ''}
  ${r.number > 1 ? html` · <a href="/newsroom/stories/${id}/revisions/diff?from=${r.number - 1}&amp;to=${r.number}">changes</a>` : ''}
  ${canRestore && r.number !== latest ? html`<form class="inline-form" method="post" action="/newsroom/stories/${id}">
    <input type="hidden" name="_csrf" value="${request.staff!.session.csrfToken}"><input type="hidden" name="version" value="${state.version}">
    <input type="hidden" name="revision" value="${r.number}"><button class="btn btn-quiet" name="action" value="restore">Restore</button></form>` : ''}
</li>`)}</ol>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(request, 'Revisions', main));
  });

  app.get('/newsroom/stories/:id/revisions/diff', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = params.parse(request.params);
    const q = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }).safeParse(request.query);
    if (!q.success) throw new DomainError('VALIDATION_FAILED', 'Choose two revisions to compare.');
    const { from, to } = await deps.newsroom.compareRevisions(user, id, q.data.from, q.data.to);
    const main = html`<h1>Changes from revision #${from.number} to #${to.number}</h1>
<p><a href="/newsroom/stories/${id}/revisions">All revisions</a> · <a href="/newsroom/stories/${id}/edit">Editor</a></p>
<p class="field-hint">#${from.number}: ${KIND_LABEL[from.kind] ?? from.kind}, ${when(from.createdAt)} · #${to.number}: ${KIND_LABEL[to.kind] ?? to.kind}, ${when(to.createdAt)}</p>
${fieldDiffs(storyDiff(from.fields, to.fields, true))}`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(request, 'Changes', main));
  });
}
