/** @module Wire sources: the feeds the desk polls and the agencies that push to it, with the polling schedule and its back-off rule. */
import type { Clock } from '../shared/clock.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import type { Result } from '../shared/result.js';
import { slugify } from '../shared/slug.js';
import type { WireStore } from './wire-store.js';

export type WireSourceKind = 'feed' | 'push';

export interface WireSource {
  id: string;
  slug: string;
  name: string;
  kind: WireSourceKind;
  /** The feed's URL (feed sources only). */
  url: string | null;
  /** SHA-256 hex of the push token (push sources only); the token itself is shown once and never stored. */
  tokenHash: string | null;
  everySeconds: number;
  /** Lets a feed live on a private or loopback address (an intranet wire server); off by default. */
  allowPrivate: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Date | null;
  nextPollAt: Date | null;
  /** Consecutive failed polls; 0 after a success. */
  failures: number;
  lastError: string | null;
  createdAt: Date;
}

export interface NewWireSourceInput {
  name: string;
  kind: WireSourceKind;
  url?: string | null;
  everySeconds?: number;
  allowPrivate?: boolean;
}

export const DEFAULT_POLL_SECONDS = 300;
export const MIN_POLL_SECONDS = 10;
/** However often a feed fails, it is tried again at least every six hours. */
export const MAX_BACKOFF_SECONDS = 6 * 3600;

/**
 * Seconds until the next poll after `failures` consecutive failures: the normal interval doubled per
 * failure (60 s feed failing 3 times → 480 s), capped at six hours, never below the normal interval.
 */
export function backoffSeconds(everySeconds: number, failures: number): number {
  if (failures <= 0) return everySeconds;
  const doubled = everySeconds * 2 ** Math.min(failures, 20);
  return Math.max(everySeconds, Math.min(doubled, MAX_BACKOFF_SECONDS));
}

/** The time of the next poll after one that ended at `now` with `failures` consecutive failures. */
export function nextPollTime(now: Date, everySeconds: number, failures: number): Date {
  return new Date(now.getTime() + backoffSeconds(everySeconds, failures) * 1000);
}

/** A feed is due when it has never been polled or its next poll time has come. */
export function isDueForPoll(source: Pick<WireSource, 'kind' | 'nextPollAt'>, now: Date): boolean {
  return source.kind === 'feed' && (source.nextPollAt === null || source.nextPollAt.getTime() <= now.getTime());
}

export type WireSourceProblem = 'name missing' | 'url required for a feed' | 'url must be http(s)' | 'url not allowed for a push source' | 'interval too short';

/** Checks a new source's settings; returns its slug or why it cannot be added. */
export function checkNewWireSource(input: NewWireSourceInput): { ok: true; slug: string } | { ok: false; reason: WireSourceProblem } {
  const slug = slugify(input.name, '');
  if (input.name.trim() === '' || slug === '') return { ok: false, reason: 'name missing' };
  if (input.kind === 'feed') {
    if (!input.url) return { ok: false, reason: 'url required for a feed' };
    if (!/^https?:\/\/[^\s]+$/i.test(input.url)) return { ok: false, reason: 'url must be http(s)' };
  } else if (input.url) {
    return { ok: false, reason: 'url not allowed for a push source' };
  }
  if ((input.everySeconds ?? DEFAULT_POLL_SECONDS) < MIN_POLL_SECONDS) return { ok: false, reason: 'interval too short' };
  return { ok: true, slug };
}

/** Error text as recorded on a source: one line, bounded, so a hostile server cannot fill the table. */
export function sourceErrorText(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

export interface WireSourceDeps {
  store: Pick<WireStore, 'insertSource' | 'findSourceBySlug' | 'findSource' | 'listSources' | 'dueFeedSources' | 'updateSourcePoll'>;
  clock: Clock;
  ids: IdGenerator;
  /** SHA-256 hex in production: how push tokens are stored. */
  hash: (text: string) => string;
  randomBytes: RandomBytes;
}

/** `warning` is what a readable feed made the reader tolerate (bad bytes): shown on the source, not a failure. */
export type PollOutcome = { ok: true; etag: string | null; lastModified: string | null; warning?: string } | { ok: false; error: string };

/** Adding, listing and scheduling sources. */
export function createWireSourceService(deps: WireSourceDeps) {
  const { store, clock } = deps;
  return {
    /** Adds a source; a push source gets a token, returned here once and stored only as its hash. */
    async add(input: NewWireSourceInput): Promise<Result<{ source: WireSource; pushToken: string | null }, WireSourceProblem | 'slug taken'>> {
      const checked = checkNewWireSource(input);
      if (!checked.ok) return checked;
      if (await store.findSourceBySlug(checked.slug)) return { ok: false, reason: 'slug taken' };
      const pushToken = input.kind === 'push' ? Array.from(deps.randomBytes(32), (b) => b.toString(16).padStart(2, '0')).join('') : null;
      const source: WireSource = {
        id: deps.ids.newId(), slug: checked.slug, name: input.name.trim(), kind: input.kind, url: input.url ?? null,
        tokenHash: pushToken ? deps.hash(pushToken) : null, everySeconds: input.everySeconds ?? DEFAULT_POLL_SECONDS,
        allowPrivate: input.allowPrivate ?? false, etag: null, lastModified: null, lastPolledAt: null, nextPollAt: null,
        failures: 0, lastError: null, createdAt: clock.now(),
      };
      await store.insertSource(source);
      return { ok: true, value: { source, pushToken } };
    },
    list: () => store.listSources(),
    findBySlug: (slug: string) => store.findSourceBySlug(slug),
    due: () => store.dueFeedSources(clock.now()),
    /** Records a poll: a success resets the failures and keeps the validators; a failure backs off. */
    async recordPoll(source: WireSource, outcome: PollOutcome): Promise<WireSource> {
      const now = clock.now();
      const failures = outcome.ok ? 0 : source.failures + 1;
      const poll = {
        etag: outcome.ok ? outcome.etag : source.etag, lastModified: outcome.ok ? outcome.lastModified : source.lastModified,
        lastPolledAt: now, nextPollAt: nextPollTime(now, source.everySeconds, failures), failures,
        lastError: outcome.ok ? (outcome.warning ? sourceErrorText(`warning: ${outcome.warning}`) : null) : sourceErrorText(outcome.error),
      };
      await store.updateSourcePoll(source.id, poll);
      return { ...source, ...poll };
    },
  };
}

export type WireSourceService = ReturnType<typeof createWireSourceService>;
