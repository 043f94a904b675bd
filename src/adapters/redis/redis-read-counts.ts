/**
 * @module ReadCounts in Redis, shared by every process: one sorted set per edition and hour (ZINCRBY story id),
 * expiring a day after its hour; a ranking adds up the window's sets in one MULTI (ZUNIONSTORE into a scratch key).
 */
import type { Redis } from 'ioredis';
import { hoursOf, rankMostRead, READ_WINDOW_HOURS, type ReadCounts } from '../../core/most-read/most-read.js';

export interface RedisReadCountsOptions {
  /** A command connection (no offline queue: while Redis is away a flush fails at once and its tally is kept). */
  redis: Redis;
  /** Key prefix, e.g. `dateline:reads:`. */
  prefix: string;
}

/** A bucket outlives its window by an hour, so a ranking never adds up a set that is half gone. */
const BUCKET_TTL_SECONDS = (READ_WINDOW_HOURS + 1) * 3600;

export function createRedisReadCounts(options: RedisReadCountsOptions): ReadCounts {
  const { redis, prefix } = options;
  const bucket = (edition: string, hour: number) => `${prefix}${edition}:${hour}`;
  return {
    async add(batch, hour) {
      if (batch.length === 0) return;
      const pipeline = redis.pipeline();
      const touched = new Set<string>();
      for (const e of batch) {
        const key = bucket(e.edition, hour);
        pipeline.zincrby(key, e.reads, e.articleId);
        touched.add(key);
      }
      for (const key of touched) pipeline.expire(key, BUCKET_TTL_SECONDS);
      const replies = await pipeline.exec();
      const failed = replies?.find(([error]) => error);
      if (!replies || failed) throw failed?.[0] ?? new Error('read counts pipeline returned nothing');
    },
    async top(edition, window, limit) {
      const keys = hoursOf(window).map((hour) => bucket(edition, hour));
      const scratch = `${prefix}${edition}:ranking:${Math.random().toString(36).slice(2)}`;
      const replies = await redis.multi().zunionstore(scratch, keys.length, ...keys).zrevrange(scratch, 0, limit - 1, 'WITHSCORES').del(scratch).exec();
      const [error, flat] = replies?.[1] ?? [new Error('read counts ranking returned nothing'), null];
      if (error) throw error;
      const members = flat as string[];
      const counts = [];
      for (let i = 0; i + 1 < members.length; i += 2) counts.push({ articleId: members[i]!, reads: Number(members[i + 1]) });
      return rankMostRead(counts, limit);
    },
  };
}
