/** @module Staff administration (admins only): list accounts, add one, change a role, set a new password — each change ends that user's sessions. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { ROLES, isRole } from '../../../core/staff/staff-user.js';
import { errorStatus } from '../error-status.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { requireAdmin } from './session-guard.js';

const userId = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });


export function registerStaffRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  async function page(request: FastifyRequest, flash: { kind: 'ok' | 'error'; text: string } | null) {
    const users = await deps.users.list();
    const csrf = request.staff!.session.csrfToken;
    const roleSelect = (id: string, current: string) => html`<select name="role" aria-label="Role">${ROLES.map((r) => html`<option value="${r}"${r === current ? ' selected' : ''}>${r}</option>`)}</select>`;
    const main = html`<h1>Staff</h1>
<table class="nr-table"><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Password</th></tr></thead>
<tbody>${users.map((u) => html`<tr><td dir="auto">${u.name}</td><td>${u.email}</td>
  <td><form class="inline-form" method="post" action="/newsroom/users/${u.id}/role"><input type="hidden" name="_csrf" value="${csrf}">${roleSelect(u.id, u.role)} <button class="btn btn-quiet" type="submit">Change</button></form></td>
  <td><form class="inline-form" method="post" action="/newsroom/users/${u.id}/password"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-quiet" type="submit">New password</button></form></td></tr>`)}</tbody></table>
<h2>Add a staff member</h2>
<form class="nr-form" method="post" action="/newsroom/users"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label class="field-label" for="u-name">Name</label><input id="u-name" name="name" type="text" required dir="auto"></div>
    <div class="field"><label class="field-label" for="u-email">Email</label><input id="u-email" name="email" type="email" required></div>
    <div class="field"><label class="field-label" for="u-role">Role</label>${roleSelect('new', 'reporter')}</div>
  </div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Add and show a one-time password</button></div>
</form>`;
    return renderNewsroomPage(deps.assets, deps.settings.siteName, { title: 'Staff', current: 'users', user: request.staff!.user, csrf, flash }, main);
  }
  const respond = async (request: FastifyRequest, reply: import('fastify').FastifyReply, status: number, flash: { kind: 'ok' | 'error'; text: string } | null) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(await page(request, flash));

  app.get('/newsroom/users', async (request, reply) => {
    requireAdmin(request, 'manage staff accounts');
    return respond(request, reply, 200, null);
  });

  /** A POST whose failures come back as a flash on the same page. */
  function post(path: string, run: (request: FastifyRequest) => Promise<string>) {
    app.post(path, async (request, reply) => {
      requireAdmin(request, 'manage staff accounts');
      try {
        return await respond(request, reply, 200, { kind: 'ok', text: await run(request) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return respond(request, reply, errorStatus(error.code), { kind: 'error', text: error.message });
      }
    });
  }

  post('/newsroom/users', async (request) => {
    const form = z.object({ name: z.string().max(200).default(''), email: z.string().max(320), role: z.string() }).parse(request.body);
    if (!isRole(form.role)) throw new DomainError('VALIDATION_FAILED', `“${form.role}” is not a role.`);
    const password = deps.auth.newPassword();
    const user = await deps.auth.addUser({ name: form.name, email: form.email, role: form.role, password, oneTime: true });
    return `Added ${user.name} (${user.role}). One-time password: ${password} — give it to them now; it is not shown again.`;
  });

  post('/newsroom/users/:id/role', async (request) => {
    const { id } = userId.parse(request.params);
    const { role } = z.object({ role: z.string() }).parse(request.body);
    if (!isRole(role)) throw new DomainError('VALIDATION_FAILED', `“${role}” is not a role.`);
    const ended = await deps.auth.setRole(id, role);
    return `Role changed to ${role}; ${ended} session(s) ended.`;
  });

  post('/newsroom/users/:id/password', async (request) => {
    const { id } = userId.parse(request.params);
    const password = deps.auth.newPassword();
    const ended = await deps.auth.setPassword(id, password, { oneTime: true });
    return `New one-time password: ${password} — ${ended} session(s) ended.`;
  });
}
