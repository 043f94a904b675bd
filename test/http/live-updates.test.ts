/**
 * GET /live over a real socket (inject() cannot stream): story events reach an open stream as JSON, a hostile
 * headline stays inside its JSON string, the connection cap answers 503 and frees a place when a reader leaves,
 * and closing the app ends open streams.
 */
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { storyFrame } from '../../src/adapters/http/site/live-routes.js';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import type { ArticleFields } from '../../src/core/articles/article-fields.js';
import { addStaff } from '../support/newsroom-session.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { waitUntil } from '../support/wait-until.js';

interface Stream {
  response: IncomingMessage;
  /** Everything received so far. */
  text: () => string;
  ended: () => boolean;
  /** The `event: story` messages received so far, parsed. */
  stories: () => unknown[];
  close: () => void;
}

function open(origin: string, path = '/live', headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = get(`${origin}${path}`, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let text = '';
      let ended = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { text += chunk; });
      response.on('end', () => { ended = true; });
      response.on('error', () => { ended = true; });
      resolve({
        response,
        text: () => text,
        ended: () => ended,
        stories: () => text.split('\n\n').filter((f) => f.startsWith('event: story\n')).map((f) => JSON.parse(f.split('\n')[1]!.replace(/^data: /, ''))),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

let site: TestSite;
let origin: string;
let editor: StaffUser;

beforeAll(async () => {
  site = await createTestSite({ newsroom: true });
  origin = await listen(site.app);
  editor = (await addStaff(site, 'editor')).user;
});

afterAll(async () => {
  await site?.close();
});

async function act(id: string, action: 'publish' | 'update' | 'unpublish', change: Partial<ArticleFields> = {}): Promise<void> {
  const state = (await site.storage.articles.findState(id))!;
  await site.newsroom!.newsroom.act(editor, id, { action, fields: { ...state.fields, ...change }, note: action === 'update' ? 'New details.' : action === 'unpublish' ? 'Withdrawn: legal review.' : null, scheduledAt: null, autosave: false, expectedVersion: state.version });
}

async function newStory(headline: string): Promise<{ id: string; slug: string }> {
  const { id } = await site.newsroom!.newsroom.createArticle(editor, {
    section: { slug: 'world', name: 'World' }, headline, highlights: ['Live'], dateline: 'OSLO',
    body: [{ type: 'paragraph', text: 'Readers see it at once.' }], topics: [{ slug: 'live-news', name: 'Live news', kind: 'subject' }],
  });
  await act(id, 'publish');
  return { id, slug: (await site.storage.articles.findState(id))!.slug };
}

describe('GET /live', () => {
  it('streams story events as JSON, never stored by any cache, with a retry hint', async () => {
    const stream = await open(origin, '/live?name=%3Cscript%3Eecho', { 'last-event-id': 'reader-sent-this' });
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers['cache-control']).toBe('no-store');
    expect(stream.response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(stream.response.headers['surrogate-key']).toBeUndefined();
    await waitUntil(() => /^retry: \d+\n\n/.test(stream.text()), 'the retry hint');
    const retry = Number(/^retry: (\d+)/.exec(stream.text())![1]);
    expect(retry).toBeGreaterThanOrEqual(10_000);
    expect(retry).toBeLessThan(30_000);

    const { id, slug } = await newStory('Ferry service resumes across the fjord');
    await waitUntil(() => stream.stories().length === 1, 'the published event');
    expect(stream.stories()[0]).toEqual({ type: 'story.published', slug, headline: 'Ferry service resumes across the fjord', section: 'world', topics: ['live-news'], edition: 'en' });

    await act(id, 'update', { headline: 'Ferry service resumes after a week' });
    await act(id, 'unpublish');
    await waitUntil(() => stream.stories().length === 3, 'the update and unpublish events');
    expect(stream.stories().slice(1)).toEqual([
      { type: 'story.updated', slug, headline: 'Ferry service resumes after a week', section: 'world', topics: ['live-news'], edition: 'en' },
      { type: 'story.unpublished', slug },
    ]);
    // Nothing the reader sent comes back, and the page cache never holds the stream.
    expect(stream.text()).not.toContain('script');
    expect(stream.text()).not.toContain('reader-sent-this');
    expect(site.deps.pageCache.get('/live')).toBeNull();
    stream.close();
  });

  it('keeps a hostile headline inside its JSON string: one frame, one data line, the headline back intact', async () => {
    const stream = await open(origin);
    const hostile = 'Quote " backslash \\ </script><script>alert(1)</script> data: event: evil';
    const { slug } = await newStory(hostile);
    await waitUntil(() => stream.stories().length === 1, 'the published event');
    const frames = stream.text().split('\n\n').filter(Boolean);
    const frame = frames.find((f) => f.startsWith('event: story'))!;
    expect(frame.split('\n')).toHaveLength(2);
    expect(frame.split('\n')[1]).toMatch(/^data: \{"type":"story\.published",/);
    expect(stream.stories()[0]).toMatchObject({ slug, headline: hostile });
    expect(stream.text()).not.toMatch(/^event: evil/m);
    stream.close();
    // The newsroom collapses line breaks in headlines; the frame would not need it: JSON escapes CR and LF.
    const frameOf = storyFrame({ type: 'story.updated', slug: 'x', headline: 'a\r\nevent: evil\ndata: {}\rb' });
    expect(frameOf.split(/\r\n|\r|\n/)).toEqual(['event: story', 'data: {"type":"story.updated","slug":"x","headline":"a\\r\\nevent: evil\\ndata: {}\\rb"}', '', '']);
  });

  it('ignores cache.resync: readers get story events only', async () => {
    const stream = await open(origin);
    await waitUntil(() => stream.text().startsWith('retry:'), 'the stream to open');
    await site.newsroom!.events.publish({ type: 'cache.resync' });
    const { slug } = await newStory('Resync is not news');
    await waitUntil(() => stream.stories().length === 1, 'the published event');
    expect(stream.stories()).toEqual([expect.objectContaining({ type: 'story.published', slug })]);
    expect(stream.text()).not.toContain('cache.resync');
    stream.close();
  });
});

describe('GET /live without an event source', () => {
  it('answers 204, which tells EventSource not to reconnect', async () => {
    const readerOnly = await createTestSite();
    try {
      const res = await readerOnly.app.inject({ method: 'GET', url: '/live' });
      expect(res.statusCode).toBe(204);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toBe('');
    } finally {
      await readerOnly.close();
    }
  });
});

describe('GET /live limits', () => {
  let capped: FastifyInstance;
  let cappedOrigin: string;

  beforeAll(async () => {
    capped = buildApp({ ...site.deps, live: { events: site.newsroom!.events, maxConnections: 2, heartbeatMs: 20 } });
    cappedOrigin = await listen(capped);
  });

  afterAll(async () => {
    await capped?.close();
  });

  it('sends heartbeat comments, answers 503 beyond the cap and frees the place when a reader leaves', async () => {
    const first = await open(cappedOrigin);
    const second = await open(cappedOrigin);
    expect([first.response.statusCode, second.response.statusCode]).toEqual([200, 200]);
    await waitUntil(() => first.text().includes(': heartbeat\n\n'), 'a heartbeat comment');

    const refused = await open(cappedOrigin);
    expect(refused.response.statusCode).toBe(503);
    expect(refused.response.headers['retry-after']).toBe('60');
    expect(refused.response.headers['cache-control']).toBe('private, no-store');
    refused.close();

    first.close();
    // The server notices the disconnect on its own time: ask until the freed place is given out.
    let third: Stream | null = null;
    await waitUntil(async () => {
      const attempt = await open(cappedOrigin);
      if (attempt.response.statusCode === 200) third = attempt;
      else attempt.close();
      return third !== null;
    }, 'a place freed by the reader who left');
    expect((await open(cappedOrigin)).response.statusCode).toBe(503);

    // Closing the app ends the open streams instead of waiting for them for ever.
    await capped.close();
    await waitUntil(() => second.ended() && third!.ended(), 'open streams ended by app.close()');
  });
});
