/**
 * @module Signed reader links: a token naming a reader, a mailing list and optionally the mailing it came from, signed
 * with HMAC-SHA256 so an unsubscribe link works without signing in and cannot be made up or changed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const READER_LISTS = ['digest', 'newsletters', 'alerts', 'all'] as const;
export type ReaderList = (typeof READER_LISTS)[number];

export interface ReaderLinkPayload {
  readerId: string;
  list: ReaderList;
  /** The mailing the link was sent in ('newsletter:ID', 'digest:en:2026-12-06'): counts of who left from which one. */
  mailing?: string;
}

const payloadSchema = z.object({
  r: z.string().min(1).max(100),
  l: z.enum(READER_LISTS),
  m: z.string().min(1).max(200).optional(),
}).strict();

/** Signature bytes kept: 128 bits of HMAC-SHA256 are far beyond guessing and keep the link short. */
const MAC_BYTES = 16;

function macOf(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(`reader-link.v1.${body}`).digest().subarray(0, MAC_BYTES);
}

/** A URL-safe token: base64url(JSON payload) "." base64url(MAC). */
export function signReaderLink(secret: Buffer, payload: ReaderLinkPayload): string {
  const body = Buffer.from(JSON.stringify({ r: payload.readerId, l: payload.list, ...(payload.mailing ? { m: payload.mailing } : {}) }), 'utf8').toString('base64url');
  return `${body}.${macOf(secret, body).toString('base64url')}`;
}

/** The payload of a token signed with `secret`; null for anything else (changed, cut short, another key, not a token). */
export function verifyReaderLink(secret: Buffer, token: string): ReaderLinkPayload | null {
  if (token.length > 1000) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, body, mac] = match as unknown as [string, string, string];
  const given = Buffer.from(mac, 'base64url');
  const expected = macOf(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { r, l, m } = parsed.data;
  return { readerId: r, list: l, ...(m ? { mailing: m } : {}) };
}
