/**
 * @module Author profiles in the newsroom: each staff member edits their own byline's photo, role, bio and links;
 * admins anyone's, byline-only authors (from wire bylines) included (author-profile-rules.ts). The photo is picked
 * from the media library, where new photos are uploaded.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthorProfile } from '../../../core/authors/author-profile.js';
import { canListAllAuthors } from '../../../core/authors/author-profile-rules.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { errorStatus, wantsJson } from '../error-status.js';
import { html } from '../html/html.js';
import { authorProfileForm, authorListPage } from './author-profile-page.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { signedInUser } from './session-guard.js';

const slugParam = z.object({ slug: z.string().min(1).max(200) });
const profileForm = z.object({
  jobTitle: z.string().max(1000).default(''),
  bio: z.string().max(5000).default(''),
  photo: z.string().max(100).default(''),
  links: z.string().max(5000).default(''),
});

type Flash = { kind: 'ok' | 'error'; text: string } | null;

export function registerAuthorProfileRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, main: ReturnType<typeof html>, flash: Flash = null) {
    const csrf = request.staff!.session.csrfToken;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title, current: 'authors', user: request.staff!.user, csrf, flash }, main));
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, status: number, profile: AuthorProfile, values: { links: string } | null, flash: Flash) {
    const library = await deps.media.search('', 24);
    const current = profile.photoId ? await deps.media.find(profile.photoId) : null;
    const readerPath = `${deps.editions.first().pathPrefix}/author/${encodeURIComponent(profile.slug)}`;
    return send(request, reply, status, `Profile: ${profile.name}`, authorProfileForm({ profile, current, library, csrf: request.staff!.session.csrfToken, readerPath, linksText: values?.links }), flash);
  }

  app.get('/newsroom/authors', async (request, reply) => {
    const user = signedInUser(request);
    const authors = await deps.profiles.editableAuthors(user);
    return send(request, reply, 200, canListAllAuthors(user) ? 'Authors' : 'Your profile', authorListPage(authors, canListAllAuthors(user), user.author?.slug ?? null));
  });

  app.get('/newsroom/authors/:slug', async (request, reply) => {
    const { slug } = slugParam.parse(request.params);
    const profile = await deps.profiles.profileToEdit(signedInUser(request), slug);
    return formPage(request, reply, 200, profile, null, null);
  });

  app.post('/newsroom/authors/:slug', async (request, reply) => {
    const user = signedInUser(request);
    const { slug } = slugParam.parse(request.params);
    const form = profileForm.parse(request.body);
    const change = { jobTitle: form.jobTitle, bio: form.bio, photoId: form.photo || null, links: form.links.split(/\r?\n/) };
    try {
      const saved = await deps.profiles.updateProfile(user, slug, change);
      // Author pages (and every other cached page) are dropped in every process.
      await deps.events.publish({ type: 'site.settings_changed' });
      if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ author: saved });
      return formPage(request, reply, 200, saved, null, { kind: 'ok', text: 'Profile saved.' });
    } catch (error) {
      // Refusals of who may edit (and a missing author) answer like any other newsroom error; a bad field shows the form again.
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED' && error.code !== 'MEDIA_NOT_FOUND' || wantsJson(request)) throw error;
      const profile = await deps.profiles.profileToEdit(user, slug);
      return formPage(request, reply, errorStatus(error.code), { ...profile, jobTitle: form.jobTitle, bio: form.bio }, { links: form.links }, { kind: 'error', text: error.message });
    }
  });
}
