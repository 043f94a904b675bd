/** @module Newsroom sessions over HTTP: the cookie, who is signed in, and the CSRF and origin checks on every state-changing request. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { AuthService, SignedIn } from '../../../core/staff/auth-service.js';
import type { StaffUser } from '../../../core/staff/staff-user.js';
import { DomainError } from '../../../core/shared/domain-error.js';

/** `__Host-` binds the cookie to this host and path `/` and requires TLS; plain HTTP (development) uses the bare name. */
export const SESSION_COOKIE_TLS = '__Host-dl_session';
export const SESSION_COOKIE_PLAIN = 'dl_session';

export function isTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE_TLS] ?? request.cookies[SESSION_COOKIE_PLAIN];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const tls = isTls(request);
  reply.setCookie(tls ? SESSION_COOKIE_TLS : SESSION_COOKIE_PLAIN, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: tls, maxAge: 30 * 24 * 3600,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const tls = isTls(request);
  reply.clearCookie(tls ? SESSION_COOKIE_TLS : SESSION_COOKIE_PLAIN, { path: '/', httpOnly: true, sameSite: 'lax', secure: tls });
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedIn | null;
  }
}

/** A cross-site request carries a foreign Origin (or Referer); browsers always send one of them on POST. */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return true; // non-browser clients (curl, tests) — the CSRF token still applies
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** The token a form (`_csrf`) or a script (`x-csrf-token`) sends. */
export function submittedCsrf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** Loads the session; on POST, refuses a missing or wrong CSRF token and a foreign origin. */
export async function loadStaff(auth: AuthService, request: FastifyRequest): Promise<SignedIn | null> {
  const signedIn = await auth.authenticate(sessionToken(request));
  request.staff = signedIn;
  if (request.method !== 'GET' && request.method !== 'HEAD' && signedIn) {
    if (!isSameOrigin(request)) throw new DomainError('AUTH_CSRF_INVALID', 'This request came from another site and was refused.');
  }
  return signedIn;
}

export function requireCsrf(auth: AuthService, request: FastifyRequest): void {
  if (!request.staff || !auth.isValidCsrf(request.staff, submittedCsrf(request))) {
    throw new DomainError('AUTH_CSRF_INVALID', 'This form has expired or did not come from this site. Reload the page and try again.');
  }
}

/** The staff user of this request; AUTH_REQUIRED (sign-in) when there is none. */
export function signedInUser(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new DomainError('AUTH_REQUIRED', 'Please sign in.');
  return request.staff.user;
}

/** The signed-in admin; anyone else gets PERMISSION_DENIED naming what only an admin can do. */
export function requireAdmin(request: FastifyRequest, what: string): StaffUser {
  const user = signedInUser(request);
  if (user.role !== 'admin') throw new DomainError('PERMISSION_DENIED', `Only an admin can ${what}.`);
  return user;
}

/** A script (autosave, the media picker, the wire queue) asks for JSON; a browser page does not. */
export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}
