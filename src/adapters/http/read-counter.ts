/**
 * @module Counts a served story page as a read, in memory, unless a bot asked (isbot's maintained list of user
 * agents; no user agent at all counts as a bot). No cookie is read or set. The cache fast path calls it on every
 * warm hit, so it stays a memo lookup and a Map increment; the flush timer takes the tally to the store.
 */
import { isbot } from 'isbot';
import type { ReadTally } from '../../core/most-read/most-read-service.js';
import type { PageRead } from './page-cache.js';

export interface ReadCounter {
  count(read: PageRead, userAgent: string | undefined): void;
}

/** Distinct user agents remembered; past this the memo starts again (user agents repeat a lot, but not forever). */
const MEMO_SIZE = 1000;

export function createReadCounter(tally: Pick<ReadTally, 'record'>): ReadCounter {
  let isBotMemo = new Map<string, boolean>();
  const isBot = (userAgent: string): boolean => {
    let bot = isBotMemo.get(userAgent);
    if (bot === undefined) {
      if (isBotMemo.size >= MEMO_SIZE) isBotMemo = new Map();
      bot = isbot(userAgent);
      isBotMemo.set(userAgent, bot);
    }
    return bot;
  };
  return {
    count(read, userAgent) {
      if (!userAgent || isBot(userAgent)) return;
      tally.record(read.edition, read.articleId);
    },
  };
}
