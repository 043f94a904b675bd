/** @module GET /live: Server-Sent Events that push public story changes to the readers connected to this process. */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ArticleStore } from '../../../core/articles/article-store.js';
import type { DomainEvent, EventBus, ArticleChangedEvent } from '../../../core/events/event-bus.js';
import { SECURITY_HEADERS } from '../security-headers.js';

export interface LiveOptions {
  /** Story events of every process (memory bus, or Redis pub/sub): this process forwards them to its own readers. */
  events: Pick<EventBus, 'subscribe'>;
  /** Open streams this process holds at most; one more is answered 503. Default 5,000. */
  maxConnections?: number;
  /** A comment line this often keeps proxies (Varnish pipe_timeout, load balancers) from closing an idle stream. Default 25 s. */
  heartbeatMs?: number;
}

/** What a reader's page receives as `event: story`: public facts only, never anything a reader sent. */
export interface LiveStoryMessage {
  type: ArticleChangedEvent['type'];
  slug: string;
  headline?: string;
  /** Section slug, so a section page counts only its own new stories. */
  section?: string;
  /** Topic slugs, for topic pages. */
  topics?: string[];
  /** The story's edition, so a page counts only its own edition's new stories. */
  edition?: string;
}

export const DEFAULT_MAX_LIVE_CONNECTIONS = 5_000;
const HEARTBEAT_MS = 25_000;
/** A reader whose connection cannot take this much queued output is stuck: drop it rather than hold the memory. */
const MAX_QUEUED_BYTES = 64 * 1024;

/** The message for a story event; the headline, section and topics come from the story as readers now see it. */
export async function liveStoryMessage(event: ArticleChangedEvent, articles: Pick<ArticleStore, 'findPublishedBySlug'>): Promise<LiveStoryMessage> {
  const message: LiveStoryMessage = { type: event.type, slug: event.slug };
  if (event.type === 'story.unpublished') return message;
  const article = await articles.findPublishedBySlug(event.slug);
  // Unpublished again meanwhile: the unpublish event follows; say no more than the slug.
  if (!article) return message;
  return { ...message, headline: article.headline, section: article.section.slug, topics: article.topics.map((t) => t.slug), edition: article.edition.id };
}

/** One SSE frame; JSON.stringify escapes CR and LF, so the data can never end the frame or start another. */
export function storyFrame(message: LiveStoryMessage): string {
  return `event: story\ndata: ${JSON.stringify(message)}\n\n`;
}

/** Reconnection delay for this stream, spread over 10–30 s so a restarted process is not hit by every reader at once. */
function retryHint(): string {
  return `retry: ${10_000 + Math.floor(Math.random() * 20_000)}\n\n`;
}

const STREAM_HEADERS = {
  ...SECURITY_HEADERS,
  'content-type': 'text/event-stream; charset=utf-8',
  // Never stored by the page cache, the edge or the browser; nginx and the like must not buffer it either.
  'cache-control': 'no-store',
  'x-accel-buffering': 'no',
};

/** Without an event source (a reader-only app) /live answers 204, which tells EventSource not to reconnect. */
export function registerLiveRoutes(app: FastifyInstance, articles: Pick<ArticleStore, 'findPublishedBySlug'>, options: LiveOptions | undefined): void {
  if (!options) {
    app.get('/live', async (_request, reply) => reply.code(204).header('cache-control', 'no-store').send());
    return;
  }
  const max = options.maxConnections ?? DEFAULT_MAX_LIVE_CONNECTIONS;
  const streams = new Set<ServerResponse>();

  const send = (frame: string) => {
    for (const res of streams) {
      if (res.writableLength > MAX_QUEUED_BYTES) res.destroy();
      else res.write(frame);
    }
  };

  // Lookups run one after another so readers get a story's events in the order the newsroom made them.
  let queue = Promise.resolve();
  const onEvent = (event: DomainEvent) => {
    if (event.type === 'cache.resync' || event.type === 'site.settings_changed' || event.type === 'editions.changed' || streams.size === 0) return;
    queue = queue
      .then(async () => send(storyFrame(await liveStoryMessage(event, articles))))
      .catch((err: unknown) => app.log.warn({ err, event: 'live.message_failed', slug: event.slug }, 'a live update was not sent'));
  };
  const unsubscribe = options.events.subscribe(onEvent);
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  // Open streams never end by themselves: close them first, or app.close() would wait for them for ever.
  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const res of streams) res.end();
    streams.clear();
  });

  app.get('/live', async (request, reply) => {
    if (streams.size >= max) {
      return reply.code(503).header('retry-after', '60').type('text/plain; charset=utf-8').send('Too many live connections; try again later.');
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, STREAM_HEADERS);
    if (request.method === 'HEAD') {
      res.end();
      return;
    }
    res.socket?.setNoDelay(true);
    res.write(retryHint());
    streams.add(res);
    // The response's 'close' fires when the reader goes away (the request's may fire as soon as it has been read).
    res.on('close', () => streams.delete(res));
  });
}
