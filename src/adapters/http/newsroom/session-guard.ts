/**
 * @module Newsroom sessions over HTTP: the cookie, and the one guard every newsroom route passes (deny by default):
 * a signed-in session, a same-origin request, and a valid CSRF token on every state change — unless the route's
 * config opens it (see NewsroomRouteConfig).
 */
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/multipart';
import type { AuthService, SignedIn } from '../../../core/staff/auth-service.js';
import type { StaffUser } from '../../../core/staff/staff-user.js';
import { DomainError } from '../../../core/shared/domain-error.js';

export { wantsJson } from '../error-status.js';

/** Where a user who signed in with a one-time password is sent until they choose their own. */
export const PASSWORD_PATH = '/newsroom/password';

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
  /** What a newsroom route may say about its guard in its route config (`{ config: { public: true } }`). */
  interface FastifyContextConfig {
    /**
     * Open without a session: sign-in and sign-out only. The guard still loads a session if there is one but checks
     * no CSRF token; a public route that changes state does its own check and must be on the allow-list in
     * test/newsroom/newsroom-route-guards.test.ts.
     */
    public?: boolean;
    /**
     * The CSRF token travels inside a multipart body the handler streams, so the guard cannot read it first: the
     * handler calls `requireMultipartCsrf` with the fields it has read, before it buffers any file. A request to
     * such a route that is not multipart is checked by the guard as usual.
     */
    csrf?: 'multipart';
    /** Open to a user who signed in with a one-time password and has not replaced it yet (the password page, sign-out). */
    beforePasswordChange?: boolean;
  }
}

export type NewsroomRouteConfig = Pick<FastifyContextConfig, 'public' | 'csrf' | 'beforePasswordChange'>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Any method but GET, HEAD and OPTIONS changes state: an unknown one is treated as a change (deny by default). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method);
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

/** Loads the session; a state change with a session from another origin is refused. */
export async function loadStaff(auth: AuthService, request: FastifyRequest): Promise<SignedIn | null> {
  const signedIn = await auth.authenticate(sessionToken(request));
  request.staff = signedIn;
  if (isStateChanging(request.method) && signedIn && !isSameOrigin(request)) {
    throw new DomainError('AUTH_CSRF_INVALID', 'This request came from another site and was refused.');
  }
  return signedIn;
}

/**
 * The newsroom scope's one preHandler (after the body is parsed, so a form's `_csrf` is readable): every route needs a
 * session and, to change state, a valid CSRF token, unless its config opens it. A one-time password gets its holder
 * nowhere but the routes marked `beforePasswordChange`.
 */
export function createNewsroomGuard(auth: AuthService) {
  return async function guardNewsroomRoute(request: FastifyRequest, reply: FastifyReply) {
    const config = request.routeOptions.config;
    const staff = await loadStaff(auth, request);
    if (!staff) {
      if (config.public) return;
      throw new DomainError('AUTH_REQUIRED');
    }
    if (staff.user.mustChangePassword && !config.beforePasswordChange) {
      if (request.method === 'GET') return reply.redirect(PASSWORD_PATH, 303);
      throw new DomainError('PERMISSION_DENIED', 'Choose your own password first.');
    }
    if (config.public || !isStateChanging(request.method)) return;
    if (config.csrf === 'multipart' && request.isMultipart()) return;
    requireCsrf(auth, request);
  };
}

/** Refuses a missing or wrong CSRF token (the guard calls it; handlers do not need to). */
export function requireCsrf(auth: AuthService, request: FastifyRequest): void {
  refuseUnlessValidCsrf(auth, request, submittedCsrf(request));
}

/** The check a `csrf: 'multipart'` route makes itself: the token from the header or from the fields read so far. */
export function requireMultipartCsrf(auth: AuthService, request: FastifyRequest, fields: Record<string, string>): void {
  const header = request.headers['x-csrf-token'];
  refuseUnlessValidCsrf(auth, request, typeof header === 'string' ? header : fields._csrf);
}

function refuseUnlessValidCsrf(auth: AuthService, request: FastifyRequest, submitted: string | undefined): void {
  if (!request.staff || !auth.isValidCsrf(request.staff, submitted)) {
    throw new DomainError('AUTH_CSRF_INVALID', 'This form has expired or did not come from this site. Reload the page and try again.');
  }
}

/** The staff user the guard signed in; AUTH_REQUIRED only if a public route asks (the guard has already refused everyone else). */
export function signedInUser(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new DomainError('AUTH_REQUIRED');
  return request.staff.user;
}

/** The signed-in admin; anyone else gets PERMISSION_DENIED naming what only an admin can do. */
export function requireAdmin(request: FastifyRequest, what: string): StaffUser {
  const user = signedInUser(request);
  if (user.role !== 'admin') throw new DomainError('PERMISSION_DENIED', `Only an admin can ${what}.`);
  return user;
}
