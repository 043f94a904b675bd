/** @module Answers with a newsroom page, and with the story editor filled from a story's state (shared by the story and translation routes). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleState } from '../../../core/articles/article-workflow-store.js';
import type { FieldIssue } from '../../../core/articles/article-fields.js';
import type { SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage, type NewsroomPage } from './newsroom-layout.js';
import { signedInUser } from './session-guard.js';
import { renderStoryEditor } from './story-edit-page.js';
import type { StoryForm } from './story-form.js';
import { editionOfState } from './story-preview.js';

export const HTML = 'text/html; charset=utf-8';

export function sendNewsroomPage(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, page: Omit<NewsroomPage, 'user' | 'csrf'>, main: SafeHtml, status = 200) {
  return reply.code(status).type(HTML).header('cache-control', 'no-store')
    .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { ...page, user: request.staff?.user ?? null, csrf: request.staff?.session.csrfToken ?? null }, main));
}

export interface EditorProblems {
  issues: FieldIssue[];
  /** What was typed into note and schedule, when a form comes back with problems. */
  form?: StoryForm;
  /** The problem with a translation link just tried, and the address pasted. */
  translationError?: string;
  translationAddress?: string;
}

export async function sendStoryEditor(deps: NewsroomDeps, request: FastifyRequest, reply: FastifyReply, state: ArticleState, problems: EditorProblems, status: number, flash: NewsroomPage['flash'] = null) {
  const user = signedInUser(request);
  const [sections, lead, translations] = await Promise.all([
    deps.sections.list(), state.fields.leadMediaId ? deps.media.find(state.fields.leadMediaId) : null, deps.newsroom.listTranslations(user, state.id),
  ]);
  const leadPreviewUrl = lead ? deps.media.urlOf([...lead.variants].sort((a, b) => a.width - b.width)[0]!.key) : null;
  const { form } = problems;
  const edition = editionOfState(deps, state);
  return sendNewsroomPage(deps, request, reply, { title: state.fields.headline || 'Untitled draft', current: 'stories', withEditor: true, flash }, renderStoryEditor({
    state, user, csrf: request.staff!.session.csrfToken, sections, edition, editions: deps.editions.all(), translations,
    // Scheduling reads and shows times in the story's edition's zone, as its readers will see them.
    issues: problems.issues, timeZone: edition.timeZone, leadPreviewUrl,
    ...(problems.translationError ? { translationError: problems.translationError, translationAddress: problems.translationAddress ?? '' } : {}),
    ...(form ? { note: form.note, scheduledAtLocal: form.scheduled_at } : {}),
  }), status);
}
