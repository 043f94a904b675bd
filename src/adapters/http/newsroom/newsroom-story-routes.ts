/** @module Newsroom story routes: the desk, lists, new story, the editor, workflow actions, autosave (JSON) and preview. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ARTICLE_STATUSES } from '../../../core/articles/article.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import type { FieldIssue } from '../../../core/articles/article-fields.js';
import { errorStatus, httpError, sendJsonError } from '../error-status.js';
import { html, type SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import type { NewsroomPage } from './newsroom-layout.js';
import { sectionOptions } from './section-picker.js';
import { signedInUser, wantsJson } from './session-guard.js';
import { HTML, sendNewsroomPage, sendStoryEditor } from './story-editor-response.js';
import { actionOf, fieldsFromForm, parseStoryForm } from './story-form.js';
import { parseDatetimeLocal } from '../../../core/shared/zoned-time.js';
import { deskPage, filterBar, storyTable, type ListFilters } from './story-list-page.js';
import { editionOfState, renderStoryPreview } from './story-preview.js';
import { topicJobPanel } from './topic-job-panel.js';

const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const DONE: Record<string, string> = {
  save: 'Saved.', submit: 'Submitted for review.', return: 'Moved back to draft.', publish: 'Published.', schedule: 'Scheduled.',
  unschedule: 'Unscheduled: back to draft.', update: 'Update published.', minor: 'Minor edit published.', correct: 'Correction published.',
  unpublish: 'Unpublished: the story now answers 410 Gone.', republish: 'Republished.', restore: 'Revision restored.', created: 'Story created.',
  password: 'Your password is changed; your other sessions were signed out.',
  linked: 'Translation linked: each story now offers the other to its readers.', unlinked: 'Unlinked from its translations.',
};

export function registerNewsroomStoryRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const send = (reply: FastifyReply, request: FastifyRequest, page: Omit<NewsroomPage, 'user' | 'csrf'>, main: SafeHtml, status = 200) =>
    sendNewsroomPage(deps, request, reply, page, main, status);
  const sectionList = () => deps.sections.list();
  const editions = () => deps.editions.all();

  app.get('/newsroom', async (request, reply) => {
    const user = signedInUser(request);
    const list = (query: Parameters<typeof deps.newsroom.listArticles>[1]) => deps.newsroom.listArticles(user, query);
    const [mine, review, scheduled, published, topicJob] = await Promise.all([
      list({ limit: 8, createdBy: user.id, statuses: ['draft'] }),
      list({ limit: 8, statuses: ['in_review'] }),
      list({ limit: 8, statuses: ['scheduled'] }),
      list({ limit: 8, statuses: ['published'] }),
      deps.topicJob?.status(user) ?? null,
    ]);
    const filters = filterBar({ status: '', section: '', mine: false, q: '' }, await sectionList(), editions());
    return send(reply, request, { title: 'Desk', current: 'home', flash: flashOf(request) }, deskPage([
      { title: 'My drafts', items: mine.items, more: '/newsroom/stories?status=draft&mine=1' },
      { title: 'In review', items: review.items, more: '/newsroom/stories?status=in_review' },
      { title: 'Scheduled', items: scheduled.items, more: '/newsroom/stories?status=scheduled' },
      { title: 'Recently published', items: published.items, more: '/newsroom/stories?status=published' },
    ], filters, deps.settings, editions(), topicJobPanel(topicJob, deps.settings)));
  });

  app.get('/newsroom/stories', async (request, reply) => {
    const user = signedInUser(request);
    const q = z.object({ status: z.string().optional(), section: z.string().max(100).optional(), mine: z.string().optional(), q: z.string().max(200).optional(), after: z.string().max(300).optional() }).parse(request.query);
    const status = ARTICLE_STATUSES.find((s) => s === q.status);
    const filters: ListFilters = { status: status ?? '', section: q.section ?? '', mine: q.mine === '1', q: q.q ?? '' };
    const page = await deps.newsroom.listArticles(user, {
      limit: 30, cursor: q.after ?? null, ...(status ? { statuses: [status] } : {}), ...(filters.mine ? { createdBy: user.id } : {}),
      ...(filters.section ? { sectionSlug: filters.section } : {}), ...(filters.q ? { text: filters.q } : {}),
    });
    const params = new URLSearchParams({ ...(status ? { status } : {}), ...(filters.section ? { section: filters.section } : {}), ...(filters.mine ? { mine: '1' } : {}), ...(filters.q ? { q: filters.q } : {}) });
    const more = page.next ? html`<p><a rel="next" href="/newsroom/stories?${params.toString()}${params.size ? '&' : ''}after=${page.next}">Older stories</a></p>` : '';
    return send(reply, request, { title: 'Stories', current: 'stories' }, html`<h1>Stories</h1>${filterBar(filters, await sectionList(), editions())}${storyTable(page.items, deps.settings, 'Stories', editions())}${more}`);
  });

  app.get('/newsroom/stories/new', async (request, reply) => {
    const sections = await sectionList();
    const first = sections.find((s) => s.edition === deps.editions.first().id) ?? sections[0];
    return send(reply, request, { title: 'New story', current: 'new' }, html`<h1>New story</h1>
<form class="nr-form" method="post" action="/newsroom/stories">
  <input type="hidden" name="_csrf" value="${request.staff?.session.csrfToken ?? ''}">
  <div class="field"><label class="field-label" for="headline">Headline</label><input id="headline" name="headline" type="text" maxlength="200" required autofocus dir="auto"></div>
  <div class="field"><label class="field-label" for="section">Section</label><select id="section" name="section" aria-describedby="section-hint">${sectionOptions(sections, editions(), first?.slug ?? '')}</select>
    <p class="field-hint" id="section-hint">The story belongs to its section's edition.</p></div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Create draft</button></div>
</form>`);
  });

  app.post('/newsroom/stories', async (request, reply) => {
    const user = signedInUser(request);
    const form = parseStoryForm(request.body);
    const found = (form.section && (await deps.sections.findBySlug(form.section))) || (await deps.sections.list(deps.editions.first().id))[0] || { slug: 'news', name: 'News' };
    const { id } = await deps.newsroom.createArticle(user, { headline: form.headline, section: { slug: found.slug, name: found.name } });
    return reply.redirect(`/newsroom/stories/${id}/edit?done=created`, 303);
  });

  app.get('/newsroom/stories/:id/edit', async (request, reply) => {
    const state = await deps.newsroom.readArticle(signedInUser(request), idParams.parse(request.params).id, 'edit');
    return sendStoryEditor(deps, request, reply, state, { issues: [] }, 200, flashOf(request));
  });

  /** Reads the form and takes the action; returns the new version. */
  async function actOn(request: FastifyRequest, autosave: boolean) {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const form = parseStoryForm(request.body);
    // Before the form is read against the story: a story this user may not read gives nothing back, not even a problem with the form.
    const state = await deps.newsroom.readArticle(user, id, 'edit');
    const action = autosave ? 'save' : actionOf(form, 'save');
    const fields = action === 'restore' ? null : await fieldsFromForm(form, deps, state.fields);
    const result = await deps.newsroom.act(user, id, {
      action, fields, autosave, note: form.note.trim() || null, scheduledAt: parseDatetimeLocal(form.scheduled_at, editionOfState(deps, state).timeZone),
      expectedVersion: form.version ?? null, ...(form.revision ? { revisionNumber: form.revision } : {}),
    });
    return { id, action, form, state, result };
  }

  app.post('/newsroom/stories/:id', async (request, reply) => {
    try {
      const { id, action } = await actOn(request, false);
      return reply.redirect(`/newsroom/stories/${id}/edit?done=${action}`, 303);
    } catch (error) {
      // A script asking for JSON gets the error as JSON (from the newsroom's error handler); a browser gets the form back.
      if (!isDomainError(error) || wantsJson(request) || !['VALIDATION_FAILED', 'ARTICLE_VERSION_CONFLICT', 'WORKFLOW_TRANSITION_INVALID', 'MEDIA_NOT_FOUND'].includes(error.code)) throw error;
      // The form comes back with what was typed, and every problem named by field.
      const { id } = idParams.parse(request.params);
      const state = await deps.newsroom.readArticle(signedInUser(request), id, 'edit');
      const form = parseStoryForm(request.body);
      const typed = await fieldsFromForm(form, deps, state.fields, { keepTypedBody: true }).catch(() => state.fields);
      const issues = (error.details?.issues as FieldIssue[] | undefined) ?? [{ path: 'form', message: error.message }];
      const shown = { ...state, fields: typed, version: error.code === 'ARTICLE_VERSION_CONFLICT' ? state.version : (form.version ?? state.version) };
      return sendStoryEditor(deps, request, reply, shown, { issues, form }, errorStatus(error.code), flashOf(request));
    }
  });

  app.post('/newsroom/stories/:id/autosave', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const { id, result } = await actOn(request, true);
      return reply.send({ version: result.version, savedAt: result.state.modifiedAt.toISOString(), id });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const details = error.code === 'ARTICLE_VERSION_CONFLICT' ? { ...error.details, revisionsUrl: `/newsroom/stories/${idParams.parse(request.params).id}/revisions` } : error.details;
      return sendJsonError(reply, httpError(error.code, error.message, details));
    }
  });

  app.get('/newsroom/topics', async (request, reply) => {
    const { q } = z.object({ q: z.string().max(100).default('') }).parse(request.query);
    return reply.header('cache-control', 'no-store').send({ items: await deps.topics.searchByPrefix(q, 12) });
  });

  app.get('/newsroom/stories/:id/preview', async (request, reply) => {
    const user = signedInUser(request);
    const state = await deps.newsroom.readArticle(user, idParams.parse(request.params).id, 'preview');
    const body = await renderStoryPreview(deps, state, await deps.newsroom.listTranslations(user, state.id));
    return reply.type(HTML).header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(body);
  });
}

export function flashOf(request: FastifyRequest): NewsroomPage['flash'] {
  const done = (request.query as { done?: string } | undefined)?.done;
  return done && DONE[done] ? { kind: 'ok', text: DONE[done]! } : null;
}
