/** @module The newsroom's use cases over its ports: create, act on and schedule stories; read them as the read rules allow. Shared by every transport. */
import type { ArticleStore } from '../articles/article-store.js';
import type { EventBus, ArticleChangedEvent } from '../events/event-bus.js';
import type { SectionStore } from '../sections/section-store.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { uniqueShortCode } from '../short-links/short-code.js';
import type { StaffUser } from '../staff/staff-user.js';
import { checkArticleAction } from './article-actions.js';
import { actionInputIssues, needsPublishableFields, planChange, type ActionInput } from './article-change.js';
import { draftIssues, emptyArticleFields, publishIssues, tidyArticleFields, type ArticleFields } from '../articles/article-fields.js';
import type { ArticleState } from '../articles/article-workflow-store.js';
import { changedTags } from './article-tags.js';
import { createTranslationService } from './translation-service.js';
import { canReadArticle, isOwnArticle } from './article-reads.js';
import { articleNotFound, createNewsroomReads } from './newsroom-reads.js';

export interface NewsroomDeps {
  articles: ArticleStore;
  /** A new story's edition is its section's. */
  sections: Pick<SectionStore, 'findBySlug'>;
  events: EventBus;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  clock: Clock;
}

export type NewsroomService = ReturnType<typeof createNewsroomService>;

export function createNewsroomService(deps: NewsroomDeps) {
  const { articles, clock } = deps;

  async function stateOf(id: string): Promise<ArticleState> {
    const state = await articles.findState(id);
    if (!state) throw articleNotFound(id);
    return state;
  }

  /** A new draft owned by `actor`, with whatever fields the form already had, in its section's edition. */
  async function createArticle(actor: StaffUser, fields: Partial<ArticleFields> & { section: ArticleFields['section'] }): Promise<{ id: string; slug: string }> {
    const all = tidyArticleFields({ ...emptyArticleFields(fields.section, actor.author), ...fields });
    const issues = draftIssues(all);
    if (issues.length) throw new DomainError('VALIDATION_FAILED', issues[0]!.message, { issues });
    const now = clock.now();
    const id = deps.ids.newId();
    // A section not created yet is created in the first edition (the store's default), and the story with it.
    const edition = (await deps.sections.findBySlug(all.section.slug))?.edition;
    const slug = await uniqueSlug(slugify(all.headline || 'draft', 'draft'), deps.articles.isSlugTaken);
    await deps.articles.insert({
      id, slug, headline: all.headline, highlights: all.highlights, dateline: all.dateline, body: all.body, lead: all.lead,
      section: all.section, topics: all.topics, authors: all.authors, source: all.source, status: 'draft',
      firstPublishedAt: null, updatedAt: null, updateNote: null, contentKey: null,
      shortCode: await uniqueShortCode(deps.randomBytes, deps.articles.isShortCodeTaken),
      createdAt: now, revisionId: deps.ids.newId(), actor: actor.id, createdBy: actor.id, leadMediaId: all.leadMediaId, ...(edition ? { edition } : {}),
    });
    return { id, slug };
  }

  /** Takes one workflow action; the store applies it only if nobody changed the story meanwhile. */
  async function act(actor: StaffUser, id: string, raw: Omit<ActionInput, 'fields'> & { fields: ArticleFields | null }): Promise<{ version: number; state: ArticleState }> {
    const state = await stateOf(id);
    // A story the actor may not read is not theirs to change either, and answers as if it did not exist.
    if (!canReadArticle('edit', actor, state)) throw articleNotFound(id);
    const check = checkArticleAction(raw.action, actor.role, state.status, isOwnArticle(state, actor));
    if (!check.ok) throw new DomainError(check.code, check.message, { action: raw.action, status: state.status });
    const now = clock.now();

    let fields = tidyArticleFields(raw.fields ?? state.fields);
    if (raw.action === 'restore') {
      const revision = raw.revisionNumber === undefined ? null : await articles.findRevision(id, raw.revisionNumber);
      if (!revision) throw new DomainError('REVISION_NOT_FOUND', 'There is no such revision of this story.', { number: raw.revisionNumber });
      fields = revision.fields;
    }
    const inputIssues = actionInputIssues(raw.action, raw, now);
    const issues = [...inputIssues, ...(needsPublishableFields(raw.action, state.status) ? publishIssues(fields) : draftIssues(fields))];
    if (issues.length) throw new DomainError('VALIDATION_FAILED', issues[0]!.message, { issues });

    const change = planChange(state, { ...raw, fields }, { now, actorId: actor.id, revisionId: deps.ids.newId(), correctionId: deps.ids.newId() });
    // Before first publication the slug follows the headline: readers have not seen it yet.
    if (raw.action === 'publish' && state.firstPublishedAt === null && fields.headline) {
      const wanted = slugify(fields.headline);
      if (wanted !== state.slug && !state.slug.startsWith(`${wanted}-`)) change.slug = await uniqueSlug(wanted, deps.articles.isSlugTaken);
    }
    const outcome = await articles.applyChange(change);
    if (!outcome.ok) {
      // The losing side of a concurrent edit is kept as a revision: nothing typed is ever lost.
      if (raw.fields) await articles.addRevision(id, { id: deps.ids.newId(), kind: 'conflict', actor: actor.id, note: `Not applied: ${raw.action}`, createdAt: now }, fields);
      const current = outcome.current;
      if (current && current.status !== state.status) {
        throw new DomainError('WORKFLOW_TRANSITION_INVALID', `The story was moved to ${current.status.replace('_', ' ')} meanwhile; your version is kept in its revisions.`, { currentStatus: current.status, currentVersion: current.version });
      }
      throw new DomainError('ARTICLE_VERSION_CONFLICT', 'Someone else saved this story after you opened it. Your version is kept in the revisions; reload to see theirs.', { currentVersion: current?.version ?? null });
    }
    const after = await leaveClashingGroup(state, await stateOf(id));
    await announce(state, after);
    return { version: outcome.version, state: after };
  }

  /**
   * A story moved to a section of another edition cannot stay in a translation group that already has a story
   * in that edition (a group holds one per edition): it leaves the group.
   */
  async function leaveClashingGroup(before: ArticleState, after: ArticleState): Promise<ArticleState> {
    if (after.edition === before.edition || !after.translationGroup) return after;
    const members = await articles.listTranslationGroup(after.translationGroup);
    if (!members.some((m) => m.id !== after.id && m.edition.id === after.edition)) return after;
    await articles.leaveTranslationGroup(after.id);
    return { ...after, translationGroup: null };
  }

  /** Readers' pages change only when the story is, or was, public; its translations' pages link to it. */
  async function announce(before: ArticleState, after: ArticleState): Promise<void> {
    if (before.status !== 'published' && after.status !== 'published') return;
    const type: ArticleChangedEvent['type'] = after.status !== 'published' ? 'story.unpublished' : before.status === 'published' ? 'story.updated' : 'story.published';
    const tags = changedTags(after.slug, before.fields, after.fields);
    if (before.slug !== after.slug) tags.push(`article:${before.slug}`);
    const group = before.translationGroup ?? after.translationGroup;
    if (group) {
      for (const m of await articles.listTranslationGroup(group)) if (m.id !== after.id && m.status === 'published') tags.push(`article:${m.slug}`);
    }
    await deps.events.publish({ type, articleId: after.id, slug: after.slug, tags });
  }

  /** Publishes every scheduled story whose time has come (at start and on a timer). Safe in many processes at once. */
  async function publishDueArticles(limit = 50): Promise<string[]> {
    const now = clock.now();
    const published: string[] = [];
    for (const due of await articles.listDueScheduled(now, limit)) {
      const state = await articles.findState(due.id);
      if (!state || state.status !== 'scheduled') continue;
      const change = planChange(state, { action: 'publish', fields: state.fields, note: null, scheduledAt: null, autosave: false, expectedVersion: due.version }, {
        now, actorId: 'scheduler', revisionId: deps.ids.newId(), correctionId: deps.ids.newId(),
      });
      change.fromStatuses = ['scheduled'];
      change.dueBy = now;
      change.modifiedBy = null;
      change.revision.actor = null;
      const outcome = await articles.applyChange(change);
      if (!outcome.ok) continue; // another process published it first
      const after = await stateOf(due.id);
      await announce(state, after);
      published.push(after.slug);
    }
    return published;
  }

  return { createArticle, act, publishDueArticles, ...createNewsroomReads(deps), ...createTranslationService(deps) };
}
