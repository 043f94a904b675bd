/** Edge purging beside the publish path: the event's keys reach every edge, failures are retried with back-off and never thrown. */
import { describe, expect, it } from 'vitest';
import { createMemoryEventBus } from '../adapters/events/memory-event-bus.js';
import type { EdgePurger } from '../adapters/edge/edge-purger.js';
import { surrogateKeyList } from '../adapters/edge/surrogate-key.js';
import { edgePurgersFrom, MAX_PURGE_KEY_CHARS, purgeWithRetry, subscribeEdgePurge, type EdgePurgeLog } from './edge-purge.js';

function recordingLog() {
  const lines: { level: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: object) => { lines.push({ level, fields: fields as Record<string, unknown> }); };
  const log: EdgePurgeLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

/** A purger that fails its first `failures` calls. */
function flakyPurger(failures: number): EdgePurger & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    target: 'http://varnish.test/',
    calls,
    purge: async (keys) => {
      calls.push([...keys]);
      if (calls.length <= failures) throw new Error('connection refused');
    },
  };
}

const noWait = { waits: [] as number[] };
const wait = async (ms: number) => { noWait.waits.push(ms); };

describe('purgeWithRetry', () => {
  it('retries with growing delays until the edge answers', async () => {
    noWait.waits = [];
    const purger = flakyPurger(2);
    const { log, lines } = recordingLog();
    expect(await purgeWithRetry(purger, ['home'], { logger: log, retryDelaysMs: [10, 20, 40], wait })).toBe(true);
    expect(purger.calls).toHaveLength(3);
    expect(noWait.waits).toEqual([10, 20]);
    expect(lines.map((l) => l.fields['event'])).toEqual(['edge.purge_retry', 'edge.purge_retry', 'edge.purged']);
  });

  it('gives up after the last delay, logs an error and resolves false', async () => {
    const purger = flakyPurger(99);
    const { log, lines } = recordingLog();
    expect(await purgeWithRetry(purger, ['home'], { logger: log, retryDelaysMs: [1, 1], wait })).toBe(false);
    expect(purger.calls).toHaveLength(3);
    expect(lines.at(-1)).toMatchObject({ level: 'error', fields: { event: 'edge.purge_failed', attempts: 3 } });
  });
});

describe('subscribeEdgePurge', () => {
  it('purges exactly the keys of each story event at every edge, and ignores other events', async () => {
    const events = createMemoryEventBus();
    const varnish = flakyPurger(0);
    const cdn = flakyPurger(1);
    const { log } = recordingLog();
    const purging = subscribeEdgePurge(events, { purgers: [varnish, cdn], logger: log, retryDelaysMs: [1], wait });
    const tags = ['article:a', 'section:world', 'topic:korea', 'author:jo', 'home', 'feeds'];
    await events.publish({ type: 'story.published', articleId: '1', slug: 'a', tags });
    await events.publish({ type: 'cache.resync' });
    await purging.settled();
    expect(varnish.calls).toEqual([tags]);
    expect(cdn.calls).toEqual([tags, tags]);
    purging.stop();
    await events.publish({ type: 'story.unpublished', articleId: '1', slug: 'a', tags });
    expect(varnish.calls).toHaveLength(1);
  });

  it('sends the keys that arrive while a purge is in flight together in the next purge, in requests of bounded size', async () => {
    const events = createMemoryEventBus();
    const calls: string[][] = [];
    let release: () => void = () => {};
    const purger: EdgePurger = {
      target: 'http://varnish.test/',
      purge: async (keys) => {
        calls.push([...keys]);
        if (calls.length === 1) await new Promise<void>((resolve) => { release = resolve; });
      },
    };
    const { log } = recordingLog();
    const purging = subscribeEdgePurge(events, { purgers: [purger], logger: log, retryDelaysMs: [], wait });
    const story = (i: number) => ({ type: 'story.published' as const, articleId: String(i), slug: `s${i}`, tags: [`article:s${i}`, 'section:العالم', 'home', 'feeds'] });
    await events.publish(story(0));
    // An import: hundreds of stories while the first purge is still out.
    for (let i = 1; i <= 400; i++) await events.publish(story(i));
    release();
    await purging.settled();
    expect(calls[0]).toEqual(story(0).tags);
    const rest = calls.slice(1);
    // Every key purged once, each request under the header budget, the shared keys not repeated per story.
    expect(rest.flat().sort()).toEqual([...Array.from({ length: 400 }, (_, i) => `article:s${i + 1}`), 'section:العالم', 'home', 'feeds'].sort());
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.length).toBeLessThan(20);
    for (const keys of rest) expect(surrogateKeyList(keys).length).toBeLessThanOrEqual(MAX_PURGE_KEY_CHARS);
  });

  it('never throws into the publisher, even when every edge is down', async () => {
    const events = createMemoryEventBus();
    const { log } = recordingLog();
    const purging = subscribeEdgePurge(events, { purgers: [flakyPurger(99)], logger: log, retryDelaysMs: [], wait });
    await expect(events.publish({ type: 'story.updated', articleId: '1', slug: 'a', tags: ['article:a'] })).resolves.toBeUndefined();
    await purging.settled();
  });
});

describe('edgePurgersFrom', () => {
  it('makes one purger per Varnish and one for the webhook', () => {
    const purgers = edgePurgersFrom({ edgePurgeUrls: ['http://10.0.0.1:6081/', 'http://10.0.0.2:6081/'], edgePurgeWebhook: 'https://cdn.test/purge', edgePurgeWebhookToken: null });
    expect(purgers.map((p) => p.target)).toEqual(['http://10.0.0.1:6081/', 'http://10.0.0.2:6081/', 'https://cdn.test/purge']);
    expect(edgePurgersFrom({ edgePurgeUrls: [], edgePurgeWebhook: null, edgePurgeWebhookToken: null })).toEqual([]);
  });
});
