/** @module Change my password: required first after signing in with a one-time password, available any time from the top bar. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../../core/staff/staff-user.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { PASSWORD_PATH, signedInUser } from './session-guard.js';

export function registerPasswordRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  function page(request: FastifyRequest, reply: FastifyReply, status: number, error: string | null) {
    const user = signedInUser(request);
    const csrf = request.staff!.session.csrfToken;
    const main = html`<section class="login-card" aria-labelledby="pw-h">
  <h1 id="pw-h">${user.mustChangePassword ? 'Choose your own password' : 'Change your password'}</h1>
  ${user.mustChangePassword ? html`<p>You signed in with a one-time password. Choose your own to continue.</p>` : ''}
  ${error ? html`<p class="flash" data-kind="error" role="alert">${error}</p>` : ''}
  <form class="nr-form" method="post" action="${PASSWORD_PATH}">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="text" name="username" value="${user.email}" autocomplete="username" hidden>
    <div class="field"><label class="field-label" for="current">Current password</label><input id="current" name="current" type="password" autocomplete="current-password" required></div>
    <div class="field"><label class="field-label" for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required aria-describedby="pw-hint">
      <p class="field-hint" id="pw-hint">At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.</p></div>
    <div class="button-row"><button class="btn btn-primary" type="submit">Save password</button></div>
  </form>
</section>`;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Password', user, csrf }, main));
  }

  // The one page (besides sign-out) a user with a one-time password may use.
  app.get(PASSWORD_PATH, { config: { beforePasswordChange: true } }, async (request, reply) => page(request, reply, 200, null));

  app.post(PASSWORD_PATH, { config: { beforePasswordChange: true } }, async (request, reply) => {
    const form = z.object({ current: z.string().max(1024).default(''), password: z.string().max(1024).default('') }).parse(request.body);
    const changed = await deps.auth.changeOwnPassword(request.staff!, form.current, form.password);
    // A wrong current password is a mistake in the form (400), not a failed sign-in (401).
    if (!changed.ok) return page(request, reply, 400, changed.reason.message);
    request.log.info({ event: 'staff.password_changed' }, 'staff password changed');
    return reply.redirect('/newsroom?done=password', 303);
  });
}
