/**
 * @module Reader accounts' use cases: sign-in by a one-time e-mail link (no enumeration, throttled), sessions, preferences,
 * the export of everything held, and deletion. Follows are in reader-follows.ts and joined in here.
 */
import type { DeliveryStore } from '../deliveries/delivery-store.js';
import type { Clock } from '../shared/clock.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { LoginThrottle } from '../staff/staff-stores.js';
import { base64url } from '../staff/token-text.js';
import {
  isReaderEmail, normaliseReaderEmail, READER_SESSION_MS, READER_SESSION_TOUCH_MS, SIGN_IN_LINK_TTL_MS, signInMailingOf,
  type Reader, type ReaderPreferences,
} from './reader.js';
import { createReaderFollows } from './reader-follows.js';
import type { FollowTargets, LinkRefusal, ReaderSessionRecord, ReaderStore } from './reader-store.js';

export interface ReaderAccountDeps {
  store: ReaderStore;
  /** Topics, sections and authors by slug and id (main database). */
  targets: FollowTargets;
  deliveries: Pick<DeliveryStore, 'enqueue'>;
  clock: Clock;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  /** A one-way digest (SHA-256 hex in production): links and sessions are stored under the digest of their token. */
  hash: (text: string) => string;
  /** The staff login throttle, counting link requests per address (`account:reader:…`) and per IP (`ip:reader:…`). */
  throttle: LoginThrottle;
}

/** What a link request did; the page a reader sees is the same whatever it says (no enumeration). */
export type LinkRequestOutcome = { queued: true } | { queued: false; throttled: true; retryAfter: number };

export interface ReaderSignedIn {
  reader: Reader;
  session: ReaderSessionRecord;
}

export type ReaderAccountService = ReturnType<typeof createReaderAccountService>;

export function createReaderAccountService(deps: ReaderAccountDeps) {
  const { store, clock } = deps;
  const token = (bytes: number) => base64url(deps.randomBytes(bytes));

  /** Queues a sign-in mail with a new link; 'invalid-email' is the only refusal (the form says so), a throttled request queues nothing. */
  async function requestSignInLink(rawEmail: string, editionId: string, ip: string | null): Promise<Result<LinkRequestOutcome, 'invalid-email'>> {
    const email = normaliseReaderEmail(rawEmail);
    if (!isReaderEmail(email)) return fail('invalid-email');
    const keys = [`account:reader:${email}`, ...(ip ? [`ip:reader:${ip}`] : [])];
    const retryAfter = await deps.throttle.retryAfter(keys);
    if (retryAfter > 0) return ok({ queued: false, throttled: true, retryAfter });
    await deps.throttle.recordFailure(keys);
    const linkToken = token(32);
    const now = clock.now();
    const id = deps.hash(linkToken);
    const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_TTL_MS);
    await store.insertLink({ id, email, editionId, createdAt: now, expiresAt });
    // The same queries and the same delivery whether or not the address has an account: only reader_id differs.
    const known = await store.findByEmail(email);
    await deps.deliveries.enqueue([{
      channel: 'email', kind: 'sign-in', mailing: signInMailingOf(id), recipient: email, readerId: known?.id ?? null,
      payload: { token: linkToken, editionId, expiresAt: expiresAt.toISOString() },
    }], now);
    return ok({ queued: true });
  }

  /** Signs in with a link's token: the reader is created at first use; the link is spent. Returns the new session's token. */
  async function verifySignInLink(linkToken: string): Promise<Result<{ token: string; signedIn: ReaderSignedIn; editionId: string }, LinkRefusal>> {
    if (!/^[\w-]{20,100}$/.test(linkToken)) return fail('unknown');
    const now = clock.now();
    const link = await store.consumeLink(deps.hash(linkToken), now);
    if (typeof link === 'string') return fail(link);
    const reader = await store.insertOrFind({ id: deps.ids.newId(), email: link.email, editionId: link.editionId, createdAt: now });
    await store.recordSignIn(reader.id, now);
    const sessionToken = token(32);
    const session: ReaderSessionRecord = {
      id: deps.hash(sessionToken), readerId: reader.id, csrfToken: token(24), createdAt: now, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + READER_SESSION_MS),
    };
    await store.insertSession(session);
    return ok({ token: sessionToken, signedIn: { reader: { ...reader, lastSignedInAt: now }, session }, editionId: link.editionId });
  }

  /**
   * The address a link would sign in to, while it still can; nothing is spent. The confirm page shows it, so a reader
   * sent someone else's link (login CSRF: signed in to the sender's account, their follows merged into it) sees whose it is.
   */
  async function signInLinkAddress(linkToken: string): Promise<string | null> {
    if (!/^[\w-]{20,100}$/.test(linkToken)) return null;
    return (await store.findLiveLink(deps.hash(linkToken), clock.now()))?.email ?? null;
  }

  /** The reader behind a session cookie, or null (expired, signed out, deleted, never signed in). */
  async function authenticate(sessionToken: string | undefined): Promise<ReaderSignedIn | null> {
    if (!sessionToken || sessionToken.length > 100) return null;
    const session = await store.findSession(deps.hash(sessionToken));
    if (!session) return null;
    const now = clock.now();
    if (session.expiresAt.getTime() <= now.getTime()) {
      await store.removeSession(session.id);
      return null;
    }
    const reader = await store.findById(session.readerId);
    if (!reader) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > READER_SESSION_TOUCH_MS) await store.touchSession(session.id, now);
    return { reader, session };
  }

  async function signOut(sessionToken: string | undefined): Promise<void> {
    if (sessionToken && sessionToken.length <= 100) await store.removeSession(deps.hash(sessionToken));
  }

  async function updatePreferences(readerId: string, patch: Partial<ReaderPreferences>): Promise<boolean> {
    return store.updatePreferences(readerId, patch);
  }

  const follows = createReaderFollows({ store, targets: deps.targets, clock });

  /** Everything held about the reader, as one JSON-ready object (the account page's export). */
  async function exportData(readerId: string): Promise<Record<string, unknown> | null> {
    const reader = await store.findById(readerId);
    if (!reader) return null;
    const [followed, followRows, holdings] = await Promise.all([follows.listFollows(readerId), store.listFollows(readerId), store.holdingsOf(reader)]);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      exportedAt: clock.now().toISOString(),
      account: { id: reader.id, email: reader.email, edition: reader.editionId, createdAt: iso(reader.createdAt), lastSignedInAt: iso(reader.lastSignedInAt) },
      preferences: {
        digest: reader.digest, digestHour: reader.digestHour, digestWeekday: reader.digestWeekday, digestThrough: iso(reader.digestThrough),
        newsletters: reader.newsletters, alertEmail: reader.alertEmail,
      },
      follows: followed,
      // Every follow row as stored, those of a topic, section or author gone since too (`follows` names the live ones).
      followRecords: followRows.map((f) => ({ kind: f.kind, targetId: f.targetId, createdAt: iso(f.createdAt) })),
      sessions: holdings.sessions,
      signInLinks: holdings.signInLinks,
      pushSubscriptions: holdings.pushSubscriptions,
      deliveries: holdings.deliveries,
      unsubscribes: holdings.unsubscribes,
    };
  }

  async function deleteAccount(readerId: string): Promise<boolean> {
    return store.deleteReader(readerId);
  }

  return {
    requestSignInLink, signInLinkAddress, verifySignInLink, authenticate, signOut, updatePreferences, exportData, deleteAccount,
    ...follows, removeExpired: () => store.removeExpired(clock.now()),
  };
}
