/** Reader accounts over the real SQL stores (in-memory SQLite): sign-in links, sessions, follows, export and deletion. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLoginThrottle } from '../../adapters/auth/memory-login-throttle.js';
import { createSqlFollowTargets } from '../../adapters/db/stores/sql-follow-targets.js';
import { openStorage, type Storage } from '../../main/storage.js';
import { fixedClock } from '../shared/clock.js';
import { createReaderAccountService, type ReaderAccountService } from './reader-service.js';
import { SIGN_IN_LINK_TTL_MS } from './reader.js';

const START = new Date('2026-03-01T08:00:00Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let storage: Storage;
let now: Date;
let service: ReaderAccountService;

async function seedCatalog(): Promise<void> {
  await storage.db.insertInto('topics').values([
    { id: 't-ar', slug: 'غزة', name: 'غزة', kind: 'place' },
    { id: 't-ja', slug: '東京', name: '東京', kind: 'place' },
    { id: 't-ru', slug: 'москва', name: 'Москва', kind: 'place' },
    { id: 't-emoji', slug: 'space-🚀', name: 'Space 🚀', kind: 'subject' },
  ]).execute();
  await storage.db.insertInto('sections').values({ id: 's-biz', slug: 'business', name: 'Business', position: 9, edition_id: 'en' }).execute();
  await storage.db.insertInto('authors').values({ id: 'a-1', slug: 'layla-hassan', name: 'Layla Hassan', bio: null, photo_id: null, job_title: null, links: null }).execute();
}

beforeEach(async () => {
  storage = await openStorage('sqlite::memory:');
  now = START;
  const clock = { now: () => fixedClock(now).now() };
  service = createReaderAccountService({
    store: storage.readers, targets: createSqlFollowTargets(storage.db), deliveries: storage.deliveries, clock,
    ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), hash: sha256,
    throttle: createMemoryLoginThrottle(() => now.getTime()),
  });
  await seedCatalog();
});
afterEach(async () => storage.close());

const outbox = () => storage.readerDb.selectFrom('deliveries').selectAll().orderBy('created_at').execute();
const tokenOf = (payload: string) => (JSON.parse(payload) as { token: string }).token;

async function signIn(email: string, editionId = 'en') {
  const before = (await outbox()).length;
  await service.requestSignInLink(email, editionId, '198.51.100.7');
  const row = (await outbox())[before]!;
  const verified = await service.verifySignInLink(tokenOf(row.payload));
  if (!verified.ok) throw new Error(verified.reason);
  return verified.value;
}

describe('sign-in links', () => {
  it('answers alike for known and unknown addresses and queues one sign-in mail either way', async () => {
    await signIn('known@example.com');
    const rowsBefore = (await outbox()).length;
    const known = await service.requestSignInLink('  Known@Example.com ', 'en', '203.0.113.1');
    const unknown = await service.requestSignInLink('nobody@example.com', 'en', '203.0.113.2');
    expect(known).toEqual(unknown);
    expect(known).toEqual({ ok: true, value: { queued: true } });
    const rows = (await outbox()).slice(rowsBefore);
    expect(rows.map((r) => [r.kind, r.channel, r.recipient, r.status])).toEqual([
      ['sign-in', 'email', 'known@example.com', 'pending'], ['sign-in', 'email', 'nobody@example.com', 'pending'],
    ]);
    expect(Object.keys(JSON.parse(rows[0]!.payload) as object).sort()).toEqual(Object.keys(JSON.parse(rows[1]!.payload) as object).sort());
    // The raw token is only in the payload: the link row is stored under its hash.
    const token = tokenOf(rows[1]!.payload);
    const links = await storage.readerDb.selectFrom('reader_sign_in_links').selectAll().execute();
    expect(links.some((l) => l.id === token)).toBe(false);
    expect(links.some((l) => l.id === sha256(token))).toBe(true);
  });

  it('refuses an address that is not one, and queues nothing', async () => {
    expect(await service.requestSignInLink('not an address', 'en', null)).toEqual({ ok: false, reason: 'invalid-email' });
    expect(await outbox()).toHaveLength(0);
  });

  it('creates the reader at first use, in the edition of the link, and signs in again as the same reader', async () => {
    const first = await signIn('Reader@Example.com', 'ar');
    expect(first.signedIn.reader).toMatchObject({ email: 'reader@example.com', editionId: 'ar', digest: 'off', newsletters: false });
    const again = await signIn('reader@example.com', 'en');
    expect(again.signedIn.reader.id).toBe(first.signedIn.reader.id);
    expect(again.signedIn.reader.editionId).toBe('ar');
  });

  it('is single use, even when two requests race with the same link', async () => {
    await service.requestSignInLink('race@example.com', 'en', null);
    const token = tokenOf((await outbox())[0]!.payload);
    const results = await Promise.all([service.verifySignInLink(token), service.verifySignInLink(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' });
    expect(await service.verifySignInLink(token)).toEqual({ ok: false, reason: 'used' });
    expect(await storage.readerDb.selectFrom('readers').selectAll().execute()).toHaveLength(1);
  });

  it('expires 15 minutes after it was sent', async () => {
    await service.requestSignInLink('late@example.com', 'en', null);
    await service.requestSignInLink('early@example.com', 'en', null);
    const [late, early] = (await outbox()).map((r) => tokenOf(r.payload));
    now = new Date(START.getTime() + SIGN_IN_LINK_TTL_MS - 1);
    expect((await service.verifySignInLink(early!)).ok).toBe(true);
    now = new Date(START.getTime() + SIGN_IN_LINK_TTL_MS);
    expect(await service.verifySignInLink(late!)).toEqual({ ok: false, reason: 'expired' });
    expect(await service.verifySignInLink('A'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    expect(await service.verifySignInLink('<script>')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('throttles per address: the sixth request in 15 minutes answers the same and queues nothing', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await service.requestSignInLink('much@example.com', 'en', `192.0.2.${i}`));
    expect(answers.slice(0, 5).every((a) => a.ok && a.value.queued)).toBe(true);
    expect(answers[5]).toMatchObject({ ok: true, value: { queued: false, throttled: true } });
    expect(await outbox()).toHaveLength(5);
    now = new Date(START.getTime() + 15 * 60_000);
    expect(await service.requestSignInLink('much@example.com', 'en', '192.0.2.1')).toEqual({ ok: true, value: { queued: true } });
  });

  it('throttles per IP address across many addresses', async () => {
    for (let i = 0; i < 30; i++) expect((await service.requestSignInLink(`r${i}@example.com`, 'en', '203.0.113.9')).ok).toBe(true);
    expect(await service.requestSignInLink('r31@example.com', 'en', '203.0.113.9')).toMatchObject({ ok: true, value: { queued: false } });
    expect(await service.requestSignInLink('r31@example.com', 'en', '203.0.113.10')).toEqual({ ok: true, value: { queued: true } });
    expect(await outbox()).toHaveLength(31);
  });
});

describe('sessions', () => {
  it('authenticates the cookie token until sign-out, and ends after 90 days', async () => {
    const { token, signedIn } = await signIn('s@example.com');
    expect((await service.authenticate(token))?.reader.id).toBe(signedIn.reader.id);
    expect(await service.authenticate('nope')).toBeNull();
    now = new Date(START.getTime() + 89 * 24 * 3600_000);
    expect(await service.authenticate(token)).not.toBeNull();
    now = new Date(START.getTime() + 90 * 24 * 3600_000);
    expect(await service.authenticate(token)).toBeNull();
    now = START;
    const second = await signIn('s@example.com');
    await service.signOut(second.token);
    expect(await service.authenticate(second.token)).toBeNull();
  });
});

describe('follows', () => {
  it('merges a browser list by slug in any script, ignoring and reporting unknown slugs', async () => {
    const { signedIn } = await signIn('f@example.com');
    const merged = await service.mergeFollows(signedIn.reader.id, {
      topics: ['غزة', '東京', 'москва', 'space-🚀', 'no-such-topic', 'غزة'], sections: ['business', 'gone'], authors: ['layla-hassan', 'nobody'],
    });
    expect(merged.added).toBe(6);
    expect(merged.unknown).toEqual({ topics: ['no-such-topic'], sections: ['gone'], authors: ['nobody'] });
    expect(merged.follows.topics.map((t) => t.slug).sort()).toEqual(['space-🚀', 'москва', 'غزة', '東京'].sort());
    expect(merged.follows.sections).toEqual([{ slug: 'business', name: 'Business', edition: 'en' }]);
    expect(merged.follows.authors).toEqual([{ slug: 'layla-hassan', name: 'Layla Hassan' }]);
    expect((await service.mergeFollows(signedIn.reader.id, { topics: ['غزة'] })).added).toBe(0);
  });

  it('follows and unfollows one at a time', async () => {
    const { signedIn } = await signIn('one@example.com');
    expect(await service.follow(signedIn.reader.id, 'topic', '東京')).toBe(true);
    expect(await service.follow(signedIn.reader.id, 'author', 'nobody')).toBe(false);
    expect((await service.listFollows(signedIn.reader.id)).topics).toEqual([{ slug: '東京', name: '東京' }]);
    expect(await service.unfollow(signedIn.reader.id, 'topic', '東京')).toBe(true);
    expect((await service.listFollows(signedIn.reader.id)).topics).toEqual([]);
  });
});

describe('the confirm page’s address', () => {
  it('names the address a live link signs in to without spending it, and nothing for a used, expired or malformed link', async () => {
    await service.requestSignInLink('Ａlice.Ü+news@Example.com', 'en', '198.51.100.9');
    const token = tokenOf((await outbox()).at(-1)!.payload);
    expect(await service.signInLinkAddress(token)).toBe('ａlice.ü+news@example.com');
    expect(await service.signInLinkAddress(token)).toBe('ａlice.ü+news@example.com');
    expect((await service.verifySignInLink(token)).ok).toBe(true);
    expect(await service.signInLinkAddress(token)).toBeNull();
    await service.requestSignInLink('late@example.com', 'en', '198.51.100.9');
    const late = tokenOf((await outbox()).at(-1)!.payload);
    now = new Date(START.getTime() + SIGN_IN_LINK_TTL_MS);
    expect(await service.signInLinkAddress(late)).toBeNull();
    expect(await service.signInLinkAddress('short')).toBeNull();
    expect(await service.signInLinkAddress('<script>alert(1)</script>'.padEnd(30, 'x'))).toBeNull();
  });
});

describe('export and deletion', () => {
  async function pushSubscription(readerId: string) {
    await storage.readerDb.insertInto('push_subscriptions').values({
      id: 'sub-1', endpoint: 'https://push.example/abc', p256dh: 'key', auth: 'secret', reader_id: readerId, edition_id: 'en',
      breaking: 1, created_at: START.toISOString(), updated_at: START.toISOString(),
    }).execute();
    await storage.readerDb.insertInto('push_subscription_topics').values({ subscription_id: 'sub-1', topic_id: 't-ja' }).execute();
    await storage.readerDb.insertInto('unsubscribes').values({ id: 'u-1', reader_id: readerId, list: 'newsletters', mailing: 'newsletter:n1', created_at: START.toISOString() }).execute();
  }

  it('exports the account, preferences, follows, push subscriptions, deliveries and unsubscribes, never a token', async () => {
    const { signedIn, token: sessionToken } = await signIn('x@example.com');
    const id = signedIn.reader.id;
    await service.updatePreferences(id, { digest: 'weekly', digestHour: 18, digestWeekday: 5, newsletters: true });
    await service.follow(id, 'topic', 'москва');
    // A follow whose topic is gone since: not in `follows` (names), but its row is in `followRecords`.
    await service.follow(id, 'author', 'layla-hassan');
    await storage.db.deleteFrom('authors').where('id', '=', 'a-1').execute();
    await pushSubscription(id);
    now = new Date(START.getTime() + 60_000);
    await service.requestSignInLink('x@example.com', 'ar', '198.51.100.8'); // a second link, not used
    const data = await service.exportData(id);
    expect(data).toMatchObject({
      account: { id, email: 'x@example.com', edition: 'en' },
      preferences: { digest: 'weekly', digestHour: 18, digestWeekday: 5, newsletters: true, alertEmail: false },
      follows: { topics: [{ slug: 'москва', name: 'Москва' }], sections: [], authors: [] },
      pushSubscriptions: [{ endpoint: 'https://push.example/abc', topicIds: ['t-ja'] }],
      deliveries: [{ kind: 'sign-in', channel: 'email', mailing: 'sign-in', status: 'pending' }, { kind: 'sign-in', mailing: 'sign-in' }],
      unsubscribes: [{ list: 'newsletters', mailing: 'newsletter:n1' }],
      sessions: [{ createdAt: START.toISOString(), lastSeenAt: START.toISOString(), expiresAt: signedIn.session.expiresAt.toISOString() }],
      signInLinks: [
        { editionId: 'en', createdAt: START.toISOString(), expiresAt: new Date(START.getTime() + SIGN_IN_LINK_TTL_MS).toISOString(), usedAt: START.toISOString() },
        { editionId: 'ar', createdAt: now.toISOString(), usedAt: null },
      ],
    });
    expect(data!['follows']).toMatchObject({ authors: [] });
    expect(data!['followRecords']).toEqual([
      { kind: 'author', targetId: 'a-1', createdAt: START.toISOString() }, { kind: 'topic', targetId: 't-ru', createdAt: START.toISOString() },
    ]);
    const text = JSON.stringify(data);
    for (const secret of [tokenOf((await outbox())[0]!.payload), tokenOf((await outbox()).at(-1)!.payload), sessionToken, signedIn.session.id, signedIn.session.csrfToken]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha256(secret));
    }
    expect(await service.exportData('nobody')).toBeNull();
  });

  it('deletes the reader and everything held about them, and no one else', async () => {
    const { signedIn, token } = await signIn('gone@example.com');
    const other = await signIn('stays@example.com');
    const id = signedIn.reader.id;
    await service.follow(id, 'topic', 'غزة');
    await service.follow(other.signedIn.reader.id, 'topic', 'غزة');
    await pushSubscription(id);
    // A push queued for the reader's browser before pushes carried reader ids.
    await storage.deliveries.enqueue([{ channel: 'push', kind: 'alert', mailing: 'alert:a1', recipient: 'sub-1', readerId: null, payload: { alertId: 'a1' } }], now);
    expect(await service.deleteAccount(id)).toBe(true);
    expect(await service.authenticate(token)).toBeNull();
    const db = storage.readerDb;
    expect(await db.selectFrom('readers').select('email').execute()).toEqual([{ email: 'stays@example.com' }]);
    expect(await db.selectFrom('reader_follows').select('reader_id').execute()).toEqual([{ reader_id: other.signedIn.reader.id }]);
    expect(await db.selectFrom('push_subscriptions').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('push_subscription_topics').selectAll().execute()).toEqual([]);
    expect((await outbox()).map((r) => r.recipient)).toEqual(['stays@example.com']);
    expect(await db.selectFrom('reader_sign_in_links').select('email').execute()).toEqual([{ email: 'stays@example.com' }]);
    expect(await db.selectFrom('unsubscribes').select(['reader_id', 'list']).execute()).toEqual([{ reader_id: null, list: 'newsletters' }]);
    expect(await service.deleteAccount(id)).toBe(false);
  });
});
