/** @module EventBus over Redis pub/sub: events reach this process at once and every other process through one channel. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { DomainEvent, EventBus } from '../../core/events/event-bus.js';
import type { RedisLog } from '../redis/redis-connection.js';

export interface RedisEventBusOptions {
  /** A command connection (no offline queue): PUBLISH goes out on it. */
  publisher: Redis;
  /** A connection of the bus's own: it enters subscriber mode. */
  subscriber: Redis;
  /** e.g. `dateline:events`; every process of one site uses the same. */
  channel: string;
  log: RedisLog;
}

export interface RedisEventBus extends EventBus {
  /** True while this process both hears and reaches the other processes. */
  isConnected(): boolean;
  /** Called on every change of isConnected(); returns the function that stops it. */
  onStateChange(listener: (connected: boolean) => void): () => void;
  /** Stops listening to the connections (the caller closes them). */
  detach(): void;
}

const MAX_MESSAGE_CHARS = 1_000_000;
const text = z.string().min(1).max(2000);
const eventSchema = z.union([
  z.object({
    type: z.enum(['story.published', 'story.updated', 'story.unpublished']),
    articleId: text, slug: text, tags: z.array(text).max(10_000),
  }),
  z.object({ type: z.literal('cache.resync') }),
  z.object({ type: z.literal('site.settings_changed') }),
  z.object({ type: z.literal('editions.changed') }),
]);
const envelopeSchema = z.object({ origin: z.string().min(1).max(100), event: eventSchema });

/** The event inside a channel message, or why it is not one. */
export function parseBusMessage(message: string): { ok: true; origin: string; event: DomainEvent } | { ok: false; reason: string } {
  if (message.length > MAX_MESSAGE_CHARS) return { ok: false, reason: 'too large' };
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, origin: parsed.data.origin, event: parsed.data.event };
}

export function createRedisEventBus(options: RedisEventBusOptions): RedisEventBus {
  const { publisher, subscriber, channel, log } = options;
  const origin = randomUUID();
  const handlers = new Set<(event: DomainEvent) => void>();
  const stateListeners = new Set<(connected: boolean) => void>();
  let subscribed = false;
  let connected = false;
  let down = false; // an outage was logged and not yet ended
  let publishesLost = false; // other processes missed one of ours: they must resync too

  function deliverLocally(event: DomainEvent): void {
    for (const handler of handlers) {
      try {
        handler(event);
      } catch (error) {
        log.warn({ event: 'events.subscriber_failed', type: event.type, err: error }, 'an event subscriber threw'); // the others still run
      }
    }
  }

  function send(event: DomainEvent): void {
    if (publisher.status !== 'ready') {
      publishesLost = true;
      return;
    }
    publisher.publish(channel, JSON.stringify({ origin, event })).catch(() => { publishesLost = true; });
  }

  function updateState(): void {
    const now = subscribed && publisher.status === 'ready';
    if (!now) markDown();
    if (now === connected) return;
    connected = now;
    if (now) {
      const missed = down;
      if (down) log.info({ event: 'events.redis_up', channel }, 'Redis is back: events reach every process again');
      down = false;
      if (missed) deliverLocally({ type: 'cache.resync' }); // this process may have missed other processes' events
      if (publishesLost) {
        publishesLost = false;
        send({ type: 'cache.resync' }); // and they may have missed ours
      }
    }
    for (const listener of stateListeners) listener(now);
  }

  /** Logs an outage once; still making the first connection is not one. */
  function markDown(): void {
    const lost = (status: string) => status === 'close' || status === 'reconnecting' || status === 'end';
    if (down || !(lost(publisher.status) || lost(subscriber.status))) return;
    down = true;
    log.warn({ event: 'events.redis_down', channel }, 'Redis is unreachable: pages drop on local changes only, and live briefly');
  }

  const onSubscriberReady = () => {
    subscriber.subscribe(channel).then(() => { subscribed = subscriber.status === 'ready'; updateState(); }, (error: unknown) => {
      log.debug({ event: 'events.subscribe_failed', err: error }, 'subscribing failed; retried on reconnect');
    });
  };
  const onSubscriberLost = () => { subscribed = false; updateState(); };
  const onMessage = (from: string, message: string) => {
    if (from !== channel) return;
    const parsed = parseBusMessage(message);
    if (!parsed.ok) {
      log.warn({ event: 'events.message_dropped', channel, reason: parsed.reason }, 'a malformed event message was ignored');
      return;
    }
    if (parsed.origin !== origin) deliverLocally(parsed.event);
  };
  const onPublisherChange = () => updateState();

  subscriber.on('ready', onSubscriberReady).on('close', onSubscriberLost).on('end', onSubscriberLost).on('message', onMessage);
  publisher.on('ready', onPublisherChange).on('close', onPublisherChange).on('end', onPublisherChange);
  if (subscriber.status === 'ready') onSubscriberReady();

  return {
    async publish(event) {
      deliverLocally(event); // first, and whatever Redis does: this process's pages never wait for Redis
      send(event);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    isConnected: () => connected,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    detach() {
      subscriber.off('ready', onSubscriberReady).off('close', onSubscriberLost).off('end', onSubscriberLost).off('message', onMessage);
      publisher.off('ready', onPublisherChange).off('close', onPublisherChange).off('end', onPublisherChange);
    },
  };
}
