/** @module Sign in and out of the newsroom: a login form with its own CSRF cookie, throttled attempts (429 + Retry-After). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { constantTimeEquals } from '../../../core/staff/token-text.js';
import { errorStatus } from '../error-status.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { clearSessionCookie, isSameOrigin, isTls, requireCsrf, sessionToken, setSessionCookie } from './session-guard.js';

const LOGIN_CSRF_COOKIE = 'dl_login_csrf';
const loginForm = z.object({ email: z.string().max(320), password: z.string().max(1024), _csrf: z.string().max(100), next: z.string().optional() });

/** Only newsroom paths are followed after sign-in: never an open redirect. */
function safeNext(next: string | undefined): string {
  return next && next.length <= 500 && /^\/newsroom(\/[\w\-/?=&.%]*)?$/.test(next) ? next : '/newsroom';
}

export function registerLoginRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  function page(reply: FastifyReply, request: FastifyRequest, status: number, values: { email: string; next: string; error: string | null }) {
    const token = randomBytes(24).toString('base64url');
    reply.setCookie(LOGIN_CSRF_COOKIE, token, { path: '/newsroom', httpOnly: true, sameSite: 'strict', secure: isTls(request) });
    const body = html`<section class="login-card" aria-labelledby="login-title">
  <h1 id="login-title">Sign in to the newsroom</h1>
  ${values.error ? html`<p class="flash" data-kind="error" role="alert">${values.error}</p>` : ''}
  <form class="nr-form" method="post" action="/newsroom/login">
    <input type="hidden" name="_csrf" value="${token}">
    <input type="hidden" name="next" value="${values.next}">
    <div class="field"><label class="field-label" for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${values.email}" autofocus></div>
    <div class="field"><label class="field-label" for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required></div>
    <div class="button-row"><button class="btn btn-primary" type="submit">Sign in</button></div>
  </form>
</section>`;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Sign in', user: null, csrf: null }, body));
  }

  // Public: whoever is not signed in must reach these. The form carries its own CSRF token (a cookie, not a session).
  app.get('/newsroom/login', { config: { public: true } }, async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    if (request.staff) return reply.redirect(next, 303);
    return page(reply, request, 200, { email: '', next, error: null });
  });

  app.post('/newsroom/login', { config: { public: true } }, async (request, reply) => {
    const parsed = loginForm.safeParse(request.body);
    if (!parsed.success) return page(reply, request, 400, { email: '', next: '/newsroom', error: 'Enter your email and password.' });
    const form = parsed.data;
    const next = safeNext(form.next);
    const cookieToken = request.cookies[LOGIN_CSRF_COOKIE];
    if (!cookieToken || !constantTimeEquals(cookieToken, form._csrf) || !isSameOrigin(request)) {
      return page(reply, request, 403, { email: form.email, next, error: 'The sign-in form expired. Please try again.' });
    }
    const signedIn = await deps.auth.signIn({ email: form.email, password: form.password, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    if (!signedIn.ok) {
      const refusal = signedIn.reason;
      if (refusal.code === 'AUTH_THROTTLED') {
        request.log.warn({ event: 'staff.login_throttled', ip: request.ip }, 'login throttled');
        reply.header('retry-after', String(refusal.retryAfter));
      } else {
        request.log.info({ event: 'staff.login_failed', ip: request.ip }, 'login failed');
      }
      return page(reply, request, errorStatus(refusal.code), { email: form.email, next, error: refusal.message });
    }
    request.log.info({ event: 'staff.signed_in', ip: request.ip }, 'staff signed in');
    setSessionCookie(request, reply, signedIn.value.token);
    reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/newsroom' });
    return reply.redirect(next, 303);
  });

  // Public, so an ended session can still sign out; with a session, its CSRF token is required (no forced sign-out).
  app.post('/newsroom/logout', { config: { public: true, beforePasswordChange: true } }, async (request, reply) => {
    if (request.staff) requireCsrf(deps.auth, request);
    await deps.auth.signOut(sessionToken(request));
    clearSessionCookie(request, reply);
    return reply.redirect('/newsroom/login', 303);
  });
}
