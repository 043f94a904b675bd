/**
 * @module The wire desk in the newsroom: the queue (live rows), an item's preview and cluster, and the desk's
 * actions (use, add to story, spike, restore) — each parsed here, carried out by the core's wire desk service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import type { WireServices } from '../../../core/wire/wire-desk.js';
import { availableWireDeskActions } from '../../../core/wire/wire-desk-rules.js';
import { canReadArticle } from '../../../core/workflow/article-reads.js';
import type { WireItemStatus } from '../../../core/wire/wire-store.js';
import { listDeskClusters, type DeskCursor, type WireClusterRow } from '../../../core/wire/wire-desk-clusters.js';
import { wireCopyDiff } from '../../../core/wire/wire-copy-diff.js';
import type { SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { signedInUser } from './session-guard.js';
import { flashOf } from './newsroom-story-routes.js';
import { comparePage } from './wire-compare-page.js';
import { clusterRow, itemPage, queuePage, type QueueFilters } from './wire-desk-page.js';

const PAGE_SIZE = 50;
const ID = z.string().regex(/^[\w-]{1,64}$/);
const idParams = z.object({ id: ID });
const compareParams = z.object({ id: ID, otherId: ID });
const photoParams = z.object({ id: ID, index: z.coerce.number().int().min(0).max(99) });
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

/** The next page's address: the same filters, from after the last story shown. */
function nextPageOf(next: DeskCursor | null, filters: QueueFilters): string | null {
  if (!next) return null;
  const params = new URLSearchParams({
    ...(filters.agency ? { agency: filters.agency } : {}), status: filters.status, ...(filters.cluster ? { cluster: filters.cluster } : {}),
    ...(filters.since ? { since: filters.since } : {}), before: `${next.receivedAt.toISOString()}|${next.id}`,
  });
  return `/newsroom/wire?${params.toString()}`;
}

export function registerWireDeskRoutes(app: FastifyInstance, deps: NewsroomDeps, wire: WireServices): void {
  const send = (request: FastifyRequest, reply: FastifyReply, title: string, main: SafeHtml) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderNewsroomPage(deps.assets, deps.settings.siteName, {
      title, current: 'wire', user: request.staff!.user, csrf: request.staff!.session.csrfToken, flash: flashOf(request), withEditor: true,
    }, main));

  /** One page of the desk: a row per story (cluster) with each agency's copy. */
  function queueOf(filters: QueueFilters, before: DeskCursor | null): Promise<{ rows: WireClusterRow[]; next: DeskCursor | null }> {
    return listDeskClusters(wire.ingest.list, {
      limit: PAGE_SIZE, ...(filters.status ? { status: filters.status as WireItemStatus } : {}), ...(filters.agency ? { agency: filters.agency } : {}),
      ...(filters.cluster ? { clusterId: filters.cluster } : {}), ...(before ? { before } : {}), ...(filters.since ? { withinHours: Number(filters.since) } : {}),
    });
  }

  app.get('/newsroom/wire', async (request, reply) => {
    const user = signedInUser(request);
    const { filters, before } = queueFiltersOf(request.query);
    const [page, agencies] = await Promise.all([queueOf(filters, before), wire.ingest.agencies()]);
    return send(request, reply, 'Wire', queuePage(page.rows, filters, agencies, deps.settings, nextPageOf(page.next, filters), user.role === 'admin'));
  });

  /**
   * The newest story rows of the same filter, for the queue's live update: the page script adds the stories it lacks
   * and replaces those a new copy has joined (`stamp` changed). `id` is the leading copy's item id.
   */
  app.get('/newsroom/wire/rows', async (request, reply) => {
    const { filters, before } = queueFiltersOf(request.query);
    const { rows } = await queueOf(filters, before);
    return reply.header('cache-control', 'no-store').send({
      rows: rows.map((r) => ({ id: r.lead.id, cluster: r.clusterId, stamp: `${r.newest.id} ${r.versions}`, html: clusterRow(r, deps.settings).toString() })),
    });
  });

  /** What one copy (otherId) adds to another (id): a word diff; any two items may be compared, the page says when they are not one story. */
  app.get('/newsroom/wire/:id/compare/:otherId', async (request, reply) => {
    const { id, otherId } = compareParams.parse(request.params);
    const [base, other] = await Promise.all([wire.ingest.find(id), wire.ingest.find(otherId)]);
    const missing = !base ? id : !other ? otherId : null;
    if (!base || !other) throw new DomainError('WIRE_ITEM_NOT_FOUND', 'There is no such wire item.', { itemId: missing });
    const main = comparePage({ base, other, diff: wireCopyDiff(base.item, other.item), clock: deps.settings, sameStory: base.clusterId === other.clusterId });
    return send(request, reply, `What ${other.item.agency ?? 'the other copy'} adds`, main);
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
      actions: availableWireDeskActions(user.role, stored.status), usedSlug: used && canReadArticle('wire-item', user, used) ? used.slug : null,
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

  /** A photo the item offers, taken into the media library (fetched through the feeds' SSRF guard, processed as an upload). */
  app.post('/newsroom/wire/:id/photos/:index', async (request, reply) => {
    const { id, index } = photoParams.parse(request.params);
    const photo = await wire.photos.takePhoto(signedInUser(request), id, index, deps.media).catch((error: unknown) => {
      // The fetcher's reason may name resolved internal addresses: it goes to the log, the answer says only the code's message.
      if (isDomainError(error) && error.code === 'WIRE_PHOTO_UNAVAILABLE') request.log.warn({ event: 'wire.photo_unavailable', itemId: id, reason: String(error.cause) }, 'wire photo could not be fetched');
      throw error;
    });
    request.log.info({ event: 'wire.photo_taken', itemId: id, mediaId: photo.id }, 'wire photo taken into the media library');
    return reply.redirect('/newsroom/media?done=uploaded', 303);
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
