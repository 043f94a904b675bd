/** The EventBus contract, run against every adapter: in-process memory, and Redis pub/sub with two buses as two processes. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent, EventBus, ArticleChangedEvent } from '../../src/core/events/event-bus.js';
import { createMemoryEventBus } from '../../src/adapters/events/memory-event-bus.js';
import { createRedisEventBus } from '../../src/adapters/events/redis-event-bus.js';
import { openRedisConnection, type RedisLog } from '../../src/adapters/redis/redis-connection.js';
import { redisUnavailableReason, TEST_REDIS_URL } from '../support/redis-test-server.js';
import { waitUntil } from '../support/wait-until.js';

const story = (slug: string): ArticleChangedEvent => ({ type: 'story.published', articleId: `id-${slug}`, slug, tags: [`article:${slug}`, 'home'] });

interface BusPair {
  /** Two buses; with Redis they stand for two processes, in memory for one. */
  a: EventBus;
  b: EventBus;
  channel: string;
  logged: { event: unknown }[];
  close(): Promise<void>;
}

function recorder(bus: EventBus): DomainEvent[] {
  const seen: DomainEvent[] = [];
  bus.subscribe((event) => seen.push(event));
  return seen;
}

function describeEventBusContract(name: string, crossProcess: boolean, open: () => Promise<BusPair>, skip: string | null) {
  describe.skipIf(skip !== null)(`EventBus contract: ${name}`, () => {
    let pair: BusPair;
    afterEach(async () => pair?.close());

    it('delivers a publish to this process\'s subscribers before publish resolves', async () => {
      pair = await open();
      const seen = recorder(pair.a);
      await pair.a.publish(story('one'));
      expect(seen).toEqual([story('one')]);
    });

    it('keeps delivering to the other subscribers when one throws, and publish does not reject', async () => {
      pair = await open();
      const before = recorder(pair.a);
      pair.a.subscribe(() => { throw new Error('broken subscriber'); });
      const after = recorder(pair.a);
      await expect(pair.a.publish(story('two'))).resolves.toBeUndefined();
      expect(before).toEqual([story('two')]);
      expect(after).toEqual([story('two')]);
    });

    it('stops delivering to a subscriber once it unsubscribes', async () => {
      pair = await open();
      const kept = recorder(pair.b);
      const dropped: DomainEvent[] = [];
      const unsubscribe = pair.b.subscribe((event) => dropped.push(event));
      await pair.b.publish(story('before'));
      unsubscribe();
      await pair.b.publish(story('after'));
      await pair.a.publish(story('from-a')); // with Redis, arrives at b after 'after' (one channel keeps order)
      if (crossProcess) await waitUntil(() => kept.length === 3, 'b to hear a\'s event');
      expect(dropped).toEqual([story('before')]);
    });

    it.runIf(crossProcess)('carries an event published on one process to the other\'s subscribers, once each', async () => {
      pair = await open();
      const onA = recorder(pair.a);
      const onB = recorder(pair.b);
      await pair.a.publish(story('across'));
      await waitUntil(() => onB.length > 0, 'the event to reach process b');
      await pair.b.publish(story('back')); // delivered after 'across' on the channel: a has heard any echo by then
      await waitUntil(() => onA.length === 2, 'process a to hear b\'s event');
      expect(onA).toEqual([story('across'), story('back')]);
      expect(onB).toEqual([story('across'), story('back')]);
    });

    it.runIf(crossProcess)('ignores malformed channel messages, logs them, and keeps delivering', async () => {
      pair = await open();
      const onB = recorder(pair.b);
      const raw = new Redis(TEST_REDIS_URL);
      raw.on('error', () => {});
      try {
        for (const junk of ['not json', '{"origin":"x"}', JSON.stringify({ origin: 'x', event: { type: 'story.published', slug: 's' } }),
          JSON.stringify({ origin: 'x', event: { type: 'db.dropped', tags: ['home'] } }), 'x'.repeat(1_100_000)]) {
          await raw.publish(pair.channel, junk);
        }
      } finally {
        raw.disconnect();
      }
      await pair.a.publish(story('valid'));
      await waitUntil(() => onB.length > 0, 'the valid event after the junk');
      expect(onB).toEqual([story('valid')]);
      // Both processes hear (and drop) each of the five; A's copies arrive on its own connection, maybe after B's valid event.
      const dropped = () => pair!.logged.filter((l) => l.event === 'events.message_dropped');
      await waitUntil(() => dropped().length >= 10, 'both processes dropping the five malformed messages');
      expect(dropped()).toHaveLength(10);
    });
  });
}

describeEventBusContract('memory', false, async () => {
  const bus = createMemoryEventBus();
  return { a: bus, b: bus, channel: '', logged: [], close: async () => {} };
}, null);

describeEventBusContract('redis', true, async () => {
  const channel = `test-${randomUUID()}:events`;
  const logged: { event: unknown }[] = [];
  const record = (fields: Record<string, unknown>) => { logged.push({ event: fields['event'] }); };
  const log: RedisLog = { debug: record, info: record, warn: record };
  const connections: Redis[] = [];
  const bus = () => {
    const publisher = openRedisConnection(TEST_REDIS_URL, { name: 'test-commands' });
    const subscriber = openRedisConnection(TEST_REDIS_URL, { name: 'test-events' });
    connections.push(publisher, subscriber);
    return createRedisEventBus({ publisher, subscriber, channel, log });
  };
  const a = bus();
  const b = bus();
  await waitUntil(() => a.isConnected() && b.isConnected(), 'both buses to connect to Redis');
  return { a, b, channel, logged, close: async () => { for (const c of connections) c.disconnect(); } };
}, await redisUnavailableReason());
