/** @module Translation links from the story editor: link a story of another edition (by its address), or unlink this one. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { errorStatus } from '../error-status.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { signedInUser, wantsJson } from './session-guard.js';
import { sendStoryEditor } from './story-editor-response.js';

const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const linkForm = z.object({ address: z.string().max(2_000).default('') });

export function registerTranslationRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.post('/newsroom/stories/:id/translations', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const { address } = linkForm.parse(request.body ?? {});
    try {
      const linked = await deps.newsroom.linkTranslation(user, id, address);
      request.log.info({ event: 'story.translation_linked', articleId: id, translationId: linked.id }, 'translation linked');
      if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ linked: { id: linked.id, edition: linked.edition.id } });
      return reply.redirect(`/newsroom/stories/${id}/edit?done=linked`, 303);
    } catch (error) {
      // A refused link comes back in the editor, next to the address typed; scripts get the error as JSON.
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED' || wantsJson(request)) throw error;
      const state = await deps.newsroom.readArticle(user, id, 'edit');
      return sendStoryEditor(deps, request, reply, state, { issues: [], translationError: error.message, translationAddress: address }, errorStatus(error.code));
    }
  });

  app.post('/newsroom/stories/:id/translations/unlink', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    await deps.newsroom.unlinkTranslation(user, id);
    request.log.info({ event: 'story.translation_unlinked', articleId: id }, 'translation unlinked');
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ unlinked: id });
    return reply.redirect(`/newsroom/stories/${id}/edit?done=unlinked`, 303);
  });
}
