/** @module Wire time: reads agency timestamps (ISO 8601 extended or basic, RFC 822), a time without a zone in the agency's zone. */
import { instantOfWallTime } from '../shared/zoned-time.js';

export interface WireTime {
  at: Date;
  /** True when the text had no zone and none was known, so it was read as UTC. */
  assumedUtc: boolean;
}

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * A timestamp as an agency wrote it. ISO times with a zone and RFC 822 dates are read as written; ISO times without
 * a zone ("2018-04-04T04:05:16", NITF "20150218T160141") are wall-clock time in `zone` (an IANA name) when given,
 * else UTC with `assumedUtc` set. Null when the text is not a date.
 */
export function wireTime(raw: string | null | undefined, zone: string | null): WireTime | null {
  const text = raw?.trim().replace(/\s+GMT\+00:00$/i, 'Z') ?? '';
  if (text === '') return null;
  const m = BASIC.exec(text) ?? EXTENDED.exec(text);
  if (!m) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) || !/[a-z]{3}|[+-]\d{4}|Z$/i.test(text) ? null : { at, assumedUtc: false };
  }
  const [, y, mo, d, h, mi, s, z] = m;
  const [month, day, hour, minute, second] = [Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const wall = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (z) {
    const offset = /^(?:Z|GMT|UTC)$/i.test(z) ? 0 : Math.sign(Number(`${z[0]}1`)) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
    return { at: new Date(wall - offset * 60_000), assumedUtc: false };
  }
  if (!zone) return { at: new Date(wall), assumedUtc: true };
  // The site's one rule for wall-clock times (zoned-time.ts): a time clocks skipped is pushed on by the jump, a repeated one is the first.
  return { at: instantOfWallTime(wall, zone), assumedUtc: false };
}
