/** @module Unpublish with a reason: the confirmation page (works without script) and the form it and the editor's dialog post. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { errorStatus } from '../error-status.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { signedInUser, wantsJson } from './session-guard.js';
import { sendNewsroomPage } from './story-editor-response.js';
import { unpublishForm } from './unpublish-form.js';

const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const unpublishBody = z.object({ reason: z.string().max(1000).default(''), version: z.coerce.number().int().positive().optional() });

export function registerUnpublishRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.get('/newsroom/stories/:id/unpublish', async (request, reply) => {
    const state = await deps.newsroom.readArticle(signedInUser(request), idParams.parse(request.params).id, 'edit');
    const main = html`<h1>Unpublish this story?</h1>${unpublishForm({ state, csrf: request.staff!.session.csrfToken, idPrefix: 'unpublish' })}`;
    return sendNewsroomPage(deps, request, reply, { title: 'Unpublish', current: 'stories' }, main);
  });

  app.post('/newsroom/stories/:id/unpublish', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const body = unpublishBody.parse(request.body ?? {});
    try {
      await deps.newsroom.act(user, id, { action: 'unpublish', fields: null, note: body.reason.trim() || null, scheduledAt: null, autosave: false, expectedVersion: body.version ?? null });
      return reply.redirect(`/newsroom/stories/${id}/edit?done=unpublish`, 303);
    } catch (error) {
      if (!isDomainError(error) || wantsJson(request) || error.code !== 'VALIDATION_FAILED') throw error;
      // The page comes back with the reason as typed and the problem named; nothing changed.
      const state = await deps.newsroom.readArticle(user, id, 'edit');
      const main = html`<h1>Unpublish this story?</h1>${unpublishForm({ state, csrf: request.staff!.session.csrfToken, idPrefix: 'unpublish', reason: body.reason, problem: error.message })}`;
      return sendNewsroomPage(deps, request, reply, { title: 'Unpublish', current: 'stories' }, main, errorStatus(error.code));
    }
  });
}
