/** @module Security headers on every response: a strict Content-Security-Policy (no inline scripts) and friends, and HSTS over TLS. */
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export interface HstsPolicy {
  /** Seconds browsers keep to HTTPS; 0 sends no header at all. */
  maxAge: number;
  includeSubDomains: boolean;
}

/** The Strict-Transport-Security value, or null when the policy is off. */
export function hstsValue(policy: HstsPolicy): string | null {
  if (policy.maxAge <= 0) return null;
  return `max-age=${policy.maxAge}${policy.includeSubDomains ? '; includeSubDomains' : ''}`;
}

/**
 * Did this request arrive over TLS? Its own socket, or `X-Forwarded-Proto: https` from a proxy `trustProxy`
 * trusts. Fastify's `request.protocol` with the same trustProxy gives the same answer; the cache fast path
 * has only the raw request, so both use this one rule (the same proxy-addr trust list Fastify compiles).
 */
export function createTlsCheck(trustProxy: boolean | string): (req: IncomingMessage) => boolean {
  const trusts = trustProxy === true ? () => true
    : trustProxy === false || trustProxy === '' ? () => false
      : proxyAddr.compile(trustProxy.split(',').map((v) => v.trim()));
  return (req) => {
    if ((req.socket as { encrypted?: boolean } | undefined)?.encrypted) return true;
    const forwarded = req.headers['x-forwarded-proto'];
    if (typeof forwarded !== 'string' || !req.socket?.remoteAddress || !trusts(req.socket.remoteAddress, 0)) return false;
    // The proxy nearest to us appends last (Fastify reads the last entry too).
    return forwarded.slice(forwarded.lastIndexOf(',') + 1).trim().toLowerCase() === 'https';
  };
}

/**
 * Security headers on every response Fastify sends; HSTS only when the request came over TLS (`request.protocol`,
 * the rule that makes session cookies Secure), never over plain HTTP (RFC 6797 §7.2). It is added per request,
 * never stored with a cached page, so a page cached from an https request cannot replay it on http
 * (cache-fast-path.ts adds it the same way, through createTlsCheck).
 */
export function registerSecurityHeaders(app: FastifyInstance, hsts: string | null = null): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (hsts && request.protocol === 'https') reply.header('strict-transport-security', hsts);
    return payload;
  });
}
