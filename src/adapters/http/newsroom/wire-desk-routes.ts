/**
 * @module The wire desk in the newsroom: the queue (live rows), an item's preview and cluster, and the desk's
 * actions (use, add to story, spike, restore) — each parsed here, carried out by the core's wire desk service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { WireServices } from '../../../core/wire/wire-desk.js';
import { availableWireDeskActions } from '../../../core/wire/wire-desk-rules.js';
import type { WireItemStatus, WireQueueEntry } from '../../../core/wire/wire-store.js';
import type { SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { signedInUser } from './session-guard.js';
import { flashOf } from './newsroom-story-routes.js';
import { itemPage, queuePage, queueRow, type QueueFilters } from './wire-desk-page.js';

const PAGE_SIZE = 50;
const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const queueQuery = z.object({
  agency: z.string().max(100).optional(), status: z.enum(['', 'new', 'used', 'spiked']).optional(), cluster: z.string().max(64).optional(),
  since: z.enum(['', '1', '6', '24', '72']).optional(),
  before: z.string().max(200).optional(),
});
const useForm = z.object({ section: z.string().max(100).optional() });
const addForm = z.object({ story: z.string().max(400) });

/** A pasted story address (/article/slug, with a trailing slash, /changes or a query) or a story id, as the id or slug it names. */
function storyRefOf(pasted: string): string {
  const ref = pasted.trim().replace(/^.*\/article\//, '').replace(/[?#].*$/, '').split('/')[0] ?? '';
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref; // not percent-encoded: as typed
  }
}

function queueFiltersOf(query: unknown): { filters: QueueFilters; before: { receivedAt: Date; id: string } | null } {
  const q = queueQuery.parse(query);
  const filters: QueueFilters = { agency: q.agency ?? '', status: q.status ?? (q.cluster ? '' : 'new'), cluster: q.cluster ?? '', since: q.since ?? '' };
  const [at, id] = (q.before ?? '').split('|');
  return { filters, before: at && id && !Number.isNaN(Date.parse(at)) ? { receivedAt: new Date(at), id } : null };
}

/** The next page's address: the same filters, from after the last entry shown. */
function nextPageOf(list: WireQueueEntry[], filters: QueueFilters): string | null {
  const last = list[list.length - 1];
  if (list.length < PAGE_SIZE || !last) return null;
  const params = new URLSearchParams({
    ...(filters.agency ? { agency: filters.agency } : {}), status: filters.status, ...(filters.cluster ? { cluster: filters.cluster } : {}),
    ...(filters.since ? { since: filters.since } : {}), before: `${last.receivedAt.toISOString()}|${last.id}`,
  });
  return `/newsroom/wire?${params.toString()}`;
}

export function registerWireDeskRoutes(app: FastifyInstance, deps: NewsroomDeps, wire: WireServices): void {
  const send = (request: FastifyRequest, reply: FastifyReply, title: string, main: SafeHtml) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderNewsroomPage(deps.assets, deps.settings.siteName, {
      title, current: 'wire', user: request.staff!.user, csrf: request.staff!.session.csrfToken, flash: flashOf(request), withEditor: true,
    }, main));

  function queueOf(filters: QueueFilters, before: { receivedAt: Date; id: string } | null): Promise<WireQueueEntry[]> {
    return wire.ingest.list({
      limit: PAGE_SIZE, ...(filters.status ? { status: filters.status as WireItemStatus } : {}), ...(filters.agency ? { agency: filters.agency } : {}),
      ...(filters.cluster ? { clusterId: filters.cluster } : {}), ...(before ? { before } : {}), ...(filters.since ? { withinHours: Number(filters.since) } : {}),
    });
  }

  app.get('/newsroom/wire', async (request, reply) => {
    const user = signedInUser(request);
    const { filters, before } = queueFiltersOf(request.query);
    const [list, agencies] = await Promise.all([queueOf(filters, before), wire.ingest.agencies()]);
    return send(request, reply, 'Wire', queuePage(list, filters, agencies, deps.settings, nextPageOf(list, filters), user.role === 'admin'));
  });

  /** The newest rows of the same filter, for the queue's live update (the page script adds the ones it lacks). */
  app.get('/newsroom/wire/rows', async (request, reply) => {
    const { filters, before } = queueFiltersOf(request.query);
    const list = await queueOf(filters, before);
    return reply.header('cache-control', 'no-store').send({ rows: list.map((e) => ({ id: e.id, html: queueRow(e, deps.settings).toString() })) });
  });

  app.get('/newsroom/wire/:id', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const stored = await wire.ingest.find(id);
    if (!stored) throw new DomainError('WIRE_ITEM_NOT_FOUND', 'There is no such wire item.', { itemId: id });
    const [cluster, topics, used] = await Promise.all([
      wire.ingest.cluster(stored.clusterId), wire.ingest.suggestTopics(id), stored.usedArticleId ? deps.articles.findState(stored.usedArticleId) : null,
    ]);
    return send(request, reply, stored.item.headline, itemPage({
      stored, cluster, topics: topics.ok ? topics.value : [], csrf: request.staff!.session.csrfToken, clock: deps.settings,
      actions: availableWireDeskActions(user.role, stored.status), usedSlug: used?.slug ?? null,
    }));
  });

  app.post('/newsroom/wire/:id/use', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const { section } = useForm.parse(request.body ?? {});
    const { storyId } = await wire.desk.useItem(signedInUser(request), id, section ? { section } : {});
    request.log.info({ event: 'wire.item_used', itemId: id, articleId: storyId }, 'wire item used');
    return reply.redirect(`/newsroom/stories/${storyId}/edit?done=created`, 303);
  });

  app.post('/newsroom/wire/:id/add-to-story', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const { story } = addForm.parse(request.body);
    const { storyId, action } = await wire.desk.addToStory(signedInUser(request), id, storyRefOf(story));
    request.log.info({ event: 'wire.item_added_to_story', itemId: id, articleId: storyId }, 'wire item added to a story');
    return reply.redirect(`/newsroom/stories/${storyId}/edit?done=${action}`, 303);
  });

  app.post('/newsroom/wire/:id/spike', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    await wire.desk.spikeItem(signedInUser(request), id);
    request.log.info({ event: 'wire.item_spiked', itemId: id }, 'Spiked.');
    return reply.redirect('/newsroom/wire', 303);
  });

  app.post('/newsroom/wire/:id/restore', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    await wire.desk.restoreItem(signedInUser(request), id);
    request.log.info({ event: 'wire.item_restored', itemId: id }, 'Back in the queue.');
    return reply.redirect(`/newsroom/wire/${id}`, 303);
  });
}
