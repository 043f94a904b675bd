/**
 * @module Reader sessions over HTTP: the `__Host-dateline_reader` cookie over TLS, `dateline_reader` over plain HTTP in
 * development (HttpOnly, SameSite=Lax, Path=/),
 * who it signs in (`readerOf`, for any site route), and the CSRF checks of reader forms and scripts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { ReaderAccountService, ReaderSignedIn } from '../../../core/readers/reader-service.js';
import { READER_SESSION_MS } from '../../../core/readers/reader.js';
import { constantTimeEquals } from '../../../core/staff/token-text.js';
import { isSameOrigin, isTls, submittedCsrf } from '../newsroom/session-guard.js';

/** The session cookie over plain HTTP (local development). */
export const READER_COOKIE = 'dateline_reader';
/** Over TLS: `__Host-` binds the cookie to this host, path `/` and Secure, so a sibling subdomain cannot plant a session. */
export const READER_COOKIE_TLS = '__Host-dateline_reader';

/** The session cookie's name for this request's protocol (as the newsroom's staff cookie). */
export function readerCookieName(request: FastifyRequest): string {
  return isTls(request) ? READER_COOKIE_TLS : READER_COOKIE;
}

/** The session token a request carries, under its protocol's name only (over TLS a bare `dateline_reader` is ignored). */
export function readerSessionToken(request: FastifyRequest): string | undefined {
  return cookieOf(request, readerCookieName(request));
}
/** Double-submit token of the forms shown before there is a session (sign-in, confirm a link): no login CSRF. */
export const READER_FORM_COOKIE = 'dateline_reader_form';

/** A cookie from the parsed cookies when the scope has @fastify/cookie, else from the header (routes of other scopes). */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const parsed = (request as { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed[name];
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const signedInOf = new WeakMap<FastifyRequest, Promise<ReaderSignedIn | null>>();

/** The signed-in reader and session of a request (looked up once per request), or null. */
export function readerSessionOf(request: FastifyRequest, accounts: ReaderAccountService): Promise<ReaderSignedIn | null> {
  let found = signedInOf.get(request);
  if (!found) {
    const token = readerSessionToken(request);
    found = token ? accounts.authenticate(token) : Promise.resolve(null);
    signedInOf.set(request, found);
  }
  return found;
}

/** The signed-in reader of a request, for any site route (unsubscribe, push); null when signed out or accounts are off. */
export async function readerOf(request: FastifyRequest, deps: { readerAccounts?: ReaderAccountService | undefined }): Promise<{ id: string; email: string; csrfToken: string } | null> {
  if (!deps.readerAccounts) return null;
  const signedIn = await readerSessionOf(request, deps.readerAccounts);
  return signedIn ? { id: signedIn.reader.id, email: signedIn.reader.email, csrfToken: signedIn.session.csrfToken } : null;
}

export function setReaderCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(readerCookieName(request), token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(request), maxAge: READER_SESSION_MS / 1000 });
}

export function clearReaderCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(readerCookieName(request), { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(request) });
}

/** A state change by a signed-in reader: same origin, and the session's CSRF token in `_csrf` or `x-csrf-token`. */
export function requireReaderCsrf(request: FastifyRequest, signedIn: ReaderSignedIn): void {
  const submitted = submittedCsrf(request);
  if (!isSameOrigin(request) || typeof submitted !== 'string' || !constantTimeEquals(submitted, signedIn.session.csrfToken)) {
    throw new DomainError('AUTH_CSRF_INVALID');
  }
}

/** Sets a new double-submit token for a form shown before sign-in; returns it for the form's `_csrf`. */
export function issueFormToken(request: FastifyRequest, reply: FastifyReply, token: string): string {
  reply.setCookie(READER_FORM_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: isTls(request) });
  return token;
}

export function isValidFormToken(request: FastifyRequest, submitted: unknown): boolean {
  const expected = cookieOf(request, READER_FORM_COOKIE);
  return typeof submitted === 'string' && !!expected && isSameOrigin(request) && constantTimeEquals(submitted, expected);
}
