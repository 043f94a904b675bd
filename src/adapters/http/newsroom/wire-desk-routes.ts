/** @module The wire desk in the newsroom: the queue (live rows), an item's preview and cluster, use (draft with provenance), add to a story, spike. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { Role } from '../../../core/staff/staff-user.js';
import { bodyWithWireUpdate, storyFieldsFromWire } from '../../../core/wire/wire-to-story.js';
import type { WireItemStatus, WireQueueEntry } from '../../../core/wire/wire-store.js';
import type { WireServices } from '../../../main/wire-services.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { requireCsrf, signedInUser } from './session-guard.js';
import { flashOf } from './newsroom-story-routes.js';
import { itemPage, queuePage, queueRow, type QueueFilters } from './wire-desk-page.js';

const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const queueQuery = z.object({
  agency: z.string().max(100).optional(), status: z.enum(['', 'new', 'used', 'spiked']).optional(), cluster: z.string().max(64).optional(),
  since: z.enum(['', '1', '6', '24', '72']).optional(),
  before: z.string().max(200).optional(),
});

/** Spiking (and bringing back) is the desk editors' call. */
const canSpike = (role: Role) => role === 'editor' || role === 'admin';

export function registerWireDeskRoutes(app: FastifyInstance, deps: NewsroomDeps, wire: WireServices): void {
  const tz = deps.settings.timeZone;
  const send = (request: FastifyRequest, reply: import('fastify').FastifyReply, title: string, main: ReturnType<typeof html>) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderNewsroomPage(deps.assets, deps.settings.siteName, {
      title, current: 'wire', user: request.staff!.user, csrf: request.staff!.session.csrfToken, flash: flashOf(request), withEditor: true,
    }, main));

  async function entries(request: FastifyRequest): Promise<{ list: WireQueueEntry[]; filters: QueueFilters; before: { receivedAt: Date; id: string } | null }> {
    const q = queueQuery.parse(request.query);
    const filters: QueueFilters = { agency: q.agency ?? '', status: q.status ?? (q.cluster ? '' : 'new'), cluster: q.cluster ?? '', since: q.since ?? '' };
    const [at, id] = (q.before ?? '').split('|');
    const before = at && id && !Number.isNaN(Date.parse(at)) ? { receivedAt: new Date(at), id } : null;
    const list = await wire.ingest.list({
      limit: 50, ...(filters.status ? { status: filters.status as WireItemStatus } : {}), ...(filters.agency ? { agency: filters.agency } : {}),
      ...(filters.cluster ? { clusterId: filters.cluster } : {}), ...(before ? { before } : {}),
    });
    // Newest first: the time filter keeps the head of the list, down to the first item older than the window.
    const from = filters.since ? deps.clock.now().getTime() - Number(filters.since) * 3600_000 : null;
    return { list: from === null ? list : list.filter((e) => e.receivedAt.getTime() >= from), filters, before };
  }

  app.get('/newsroom/wire', async (request, reply) => {
    signedInUser(request);
    const { list, filters } = await entries(request);
    const agencies = await wire.ingest.agencies();
    const last = list[list.length - 1];
    const next = list.length === 50 && last ? `/newsroom/wire?${new URLSearchParams({ ...(filters.agency ? { agency: filters.agency } : {}), status: filters.status, ...(filters.cluster ? { cluster: filters.cluster } : {}), ...(filters.since ? { since: filters.since } : {}), before: `${last.receivedAt.toISOString()}|${last.id}` }).toString()}` : null;
    return send(request, reply, 'Wire', queuePage(list, filters, agencies, tz, next, request.staff!.user.role === 'admin'));
  });

  /** The newest rows of the same filter, for the queue's live update (the page script adds the ones it lacks). */
  app.get('/newsroom/wire/rows', async (request, reply) => {
    signedInUser(request);
    const { list } = await entries(request);
    return reply.header('cache-control', 'no-store').send({ rows: list.map((e) => ({ id: e.id, html: queueRow(e, tz).toString() })) });
  });

  app.get('/newsroom/wire/:id', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const stored = await wire.ingest.find(id);
    if (!stored) throw new DomainError('ARTICLE_NOT_FOUND', 'There is no such wire item.');
    const [cluster, topics] = await Promise.all([wire.ingest.cluster(stored.clusterId), wire.ingest.suggestTopics(id)]);
    const used = stored.usedArticleId ? await deps.stories.findState(stored.usedArticleId) : null;
    return send(request, reply, stored.item.headline, itemPage({
      stored, cluster, topics: topics.ok ? topics.value : [], csrf: request.staff!.session.csrfToken, timeZone: tz,
      canSpike: canSpike(user.role), usedSlug: used?.slug ?? null,
    }));
  });

  async function itemFor(request: FastifyRequest) {
    requireCsrf(deps.auth, request);
    const { id } = idParams.parse(request.params);
    const stored = await wire.ingest.find(id);
    if (!stored) throw new DomainError('ARTICLE_NOT_FOUND', 'There is no such wire item.');
    return stored;
  }

  app.post('/newsroom/wire/:id/use', async (request, reply) => {
    const user = signedInUser(request);
    const stored = await itemFor(request);
    if (stored.status !== 'new') {
      throw new DomainError('WORKFLOW_TRANSITION_INVALID', stored.status === 'used' ? 'This item has already been used; open the story it became, or add it to a story.' : 'This item was spiked; bring it back to the queue first.');
    }
    // The draft starts in the first edition's first section; the editor moves it (and so its edition) with the Section select.
    const [sections, topics] = await Promise.all([deps.sections.list(deps.editions.first().id), wire.ingest.suggestTopics(stored.id)]);
    const section = sections[0] ?? { slug: 'world', name: 'World' };
    const fields = storyFieldsFromWire(stored.item, { slug: section.slug, name: section.name }, topics.ok ? topics.value : []);
    const { id } = await deps.newsroom.createStory(user, fields);
    const marked = await wire.ingest.markUsed(stored.id, id);
    if (!marked.ok) request.log.warn({ event: 'wire.mark_used_failed', itemId: stored.id, articleId: id, reason: marked.reason }, 'wire item not marked used');
    request.log.info({ event: 'wire.item_used', itemId: stored.id, articleId: id }, 'wire item used');
    return reply.redirect(`/newsroom/stories/${id}/edit?done=created`, 303);
  });

  app.post('/newsroom/wire/:id/add-to-story', async (request, reply) => {
    const user = signedInUser(request);
    const stored = await itemFor(request);
    if (stored.status === 'spiked') throw new DomainError('WORKFLOW_TRANSITION_INVALID', 'This item was spiked; bring it back to the queue first.');
    const { story } = z.object({ story: z.string().max(400) }).parse(request.body);
    // A pasted address (/article/slug, with a trailing slash, /changes or a query) or a story id.
    let ref = story.trim().replace(/^.*\/article\//, '').replace(/[?#].*$/, '').split('/')[0] ?? '';
    try {
      ref = decodeURIComponent(ref);
    } catch {
      // not percent-encoded: use as typed
    }
    const target = (await deps.stories.findState(ref)) ?? (await findBySlug(ref));
    if (!target) throw new DomainError('ARTICLE_NOT_FOUND', `No story matches “${story}”. Paste its address (/article/…) or its id.`);
    const { body, added } = bodyWithWireUpdate(target.fields.body, stored.item);
    if (added === 0) throw new DomainError('VALIDATION_FAILED', 'The story already has every paragraph of this item.');
    const published = target.status === 'published';
    await deps.newsroom.act(user, target.id, {
      action: published ? 'update' : 'save', fields: { ...target.fields, body }, autosave: false, scheduledAt: null, expectedVersion: target.version,
      note: published ? `Updated with reporting from ${stored.item.agency ?? 'an agency'}.` : null,
    });
    const marked = await wire.ingest.markUsed(stored.id, target.id);
    if (!marked.ok) request.log.warn({ event: 'wire.mark_used_failed', itemId: stored.id, articleId: target.id, reason: marked.reason }, 'wire item not marked used');
    return reply.redirect(`/newsroom/stories/${target.id}/edit?done=${published ? 'update' : 'save'}`, 303);
  });

  async function findBySlug(slug: string) {
    const id = await deps.stories.findIdBySlug(slug);
    return id ? deps.stories.findState(id) : null;
  }

  for (const [verb, label] of [['spike', 'Spiked.'], ['restore', 'Back in the queue.']] as const) {
    app.post(`/newsroom/wire/:id/${verb}`, async (request, reply) => {
      const user = signedInUser(request);
      if (!canSpike(user.role)) throw new DomainError('PERMISSION_DENIED', `Only editors can ${verb === 'spike' ? 'spike wire items' : 'bring spiked items back'}.`);
      const stored = await itemFor(request);
      const result = await wire.ingest[verb](stored.id);
      if (!result.ok) throw new DomainError('WORKFLOW_TRANSITION_INVALID', `This item is ${stored.status}; it cannot be ${verb === 'spike' ? 'spiked' : 'restored'}.`);
      request.log.info({ event: `wire.item_${verb}d`, itemId: stored.id }, label);
      return reply.redirect(verb === 'spike' ? '/newsroom/wire' : `/newsroom/wire/${stored.id}`, 303);
    });
  }
}
