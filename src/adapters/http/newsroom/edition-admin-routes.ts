/** @module Editions (admins only): list them, add one, change one. Every process reloads its editions and drops its cached pages. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createEditionService, type EditionForm } from '../../../core/editions/edition-service.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { ERROR_STATUS } from '../error-status.js';
import type { SafeHtml } from '../html/html.js';
import { EMPTY_EDITION_FORM, editionEditPage, editionsPage, formOfEdition } from './edition-admin-page.js';
import { INTL_CHECKS } from '../../../config/intl-checks.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { requireAdmin } from './session-guard.js';

const WHAT = 'manage editions';
const idParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,20}$/) });
const editionFormSchema = z.object({
  id: z.string().max(40).default(''),
  language: z.string().max(100).default(''),
  name: z.string().max(400).default(''),
  locale: z.string().max(100).default(''),
  numberingSystem: z.enum(['latn', 'arab']).default('latn'),
  timeZone: z.string().max(100).default(''),
  direction: z.enum(['', 'ltr', 'rtl']).default(''),
});

function parseEditionForm(body: unknown): EditionForm {
  const form = editionFormSchema.parse(body ?? {});
  return { ...form, direction: form.direction === '' ? null : form.direction };
}

type Flash = { kind: 'ok' | 'error'; text: string } | null;

/** `onChange` drops this process's cached pages at once (every page shows the language switcher). */
export function registerEditionAdminRoutes(app: FastifyInstance, deps: NewsroomDeps, onChange: () => void): void {
  const service = createEditionService({ store: deps.editionStore, events: deps.events, directory: deps.editions, checks: INTL_CHECKS });

  function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, main: SafeHtml, flash: Flash) {
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title, current: 'editions', user: request.staff!.user, csrf: request.staff!.session.csrfToken, flash }, main));
  }
  const listPage = (request: FastifyRequest, reply: FastifyReply, status: number, values: EditionForm, flash: Flash) =>
    send(request, reply, status, 'Editions', editionsPage(deps.editions.all(), request.staff!.session.csrfToken, values), flash);

  app.get('/newsroom/editions', async (request, reply) => {
    requireAdmin(request, WHAT);
    return listPage(request, reply, 200, EMPTY_EDITION_FORM, null);
  });

  app.post('/newsroom/editions', async (request, reply) => {
    const user = requireAdmin(request, WHAT);
    const form = parseEditionForm(request.body);
    try {
      const added = await service.addEdition(user, form);
      onChange();
      request.log.info({ event: 'editions.added', edition: added.id }, 'edition added');
      return listPage(request, reply, 200, EMPTY_EDITION_FORM, { kind: 'ok', text: `Added ${added.name}, served at ${added.pathPrefix}/.` });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return listPage(request, reply, ERROR_STATUS[error.code], form, { kind: 'error', text: error.message });
    }
  });

  app.get('/newsroom/editions/:id', async (request, reply) => {
    requireAdmin(request, WHAT);
    const edition = deps.editions.byId(idParams.parse(request.params).id);
    if (!edition) return listPage(request, reply, 404, EMPTY_EDITION_FORM, { kind: 'error', text: 'There is no edition with this code.' });
    return send(request, reply, 200, `Edit ${edition.name}`, editionEditPage(edition.id, request.staff!.session.csrfToken, formOfEdition(edition)), null);
  });

  app.post('/newsroom/editions/:id', async (request, reply) => {
    const user = requireAdmin(request, WHAT);
    const { id } = idParams.parse(request.params);
    const form = parseEditionForm(request.body);
    try {
      const saved = await service.updateEdition(user, id, form);
      onChange();
      request.log.info({ event: 'editions.changed', edition: saved.id }, 'edition changed');
      return listPage(request, reply, 200, EMPTY_EDITION_FORM, { kind: 'ok', text: `Saved ${saved.name}.` });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return send(request, reply, ERROR_STATUS[error.code], 'Edit edition', editionEditPage(id, request.staff!.session.csrfToken, form), { kind: 'error', text: error.message });
    }
  });
}
