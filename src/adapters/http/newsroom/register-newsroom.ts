/**
 * @module The newsroom as one encapsulated Fastify scope: cookies, forms and uploads, one guard in front of every
 * route (a session, and a CSRF token on every state change, unless the route's config opens it), and its own error
 * pages and JSON error envelope.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpErrorOf, sendJsonError } from '../error-status.js';
import { createDatabaseUnavailableReply } from '../database-unavailable.js';
import { isDatabaseUnavailable } from '../../db/storage-faults.js';
import { answerClientAbort, isClientAbort } from '../client-abort.js';
import { html } from '../html/html.js';
import { registerLoginRoutes } from './login-routes.js';
import { registerPasswordRoutes } from './password-routes.js';
import { registerMediaRoutes, registerMediaVariantRoute, type MediaRouteOptions } from './media-routes.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { registerNewsroomStoryRoutes } from './newsroom-story-routes.js';
import { registerRevisionRoutes } from './revision-routes.js';
import { createNewsroomGuard, wantsJson } from './session-guard.js';
import { registerStaffRoutes } from './staff-routes.js';
import { registerSectionRoutes } from './section-routes.js';
import { registerEditionAdminRoutes } from './edition-admin-routes.js';
import { registerTranslationRoutes } from './translation-routes.js';
import { registerUnpublishRoutes } from './unpublish-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerWireDeskRoutes } from './wire-desk-routes.js';
import { registerWireSourceRoutes } from './wire-source-routes.js';
import { registerAuthorProfileRoutes } from './author-profile-routes.js';
import { registerSitePageAdminRoutes } from './site-page-admin-routes.js';
import { registerAlertRoutes } from './alert-routes.js';
import { registerNewsletterRoutes } from './newsletter-routes.js';

function refererPath(request: FastifyRequest): string | null {
  try {
    const url = new URL(request.headers.referer ?? '');
    return url.host === request.host ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** `onSectionsChange` drops cached reader pages: every page's menu lists the sections and editions and shows the site's name. */
export function registerNewsroom(app: FastifyInstance, deps: NewsroomDeps, media: MediaRouteOptions, onSectionsChange: () => void): void {
  // Photos on reader pages: public, outside the newsroom scope and its guard, never a session lookup.
  registerMediaVariantRoute(app, media);
  void app.register(async (scope) => {
    await scope.register(cookie);
    await scope.register(formbody, { bodyLimit: 4 * 1_048_576 });
    await scope.register(multipart, { limits: { fileSize: media.maxUploadBytes, files: 1 } });
    scope.decorateRequest('staff', null);
    // Deny by default: routes registered below pass this guard unless their config says otherwise (session-guard.ts).
    scope.addHook('preHandler', createNewsroomGuard(deps.auth));

    const databaseUnavailable = createDatabaseUnavailableReply();
    scope.setErrorHandler(async (error, request, reply) => {
      if (isClientAbort(error, request.raw)) return answerClientAbort(error, request, reply);
      return isDatabaseUnavailable(error) ? databaseUnavailable(error, request, reply) : newsroomError(deps, error, request, reply);
    });

    registerLoginRoutes(scope, deps);
    registerPasswordRoutes(scope, deps);
    registerNewsroomStoryRoutes(scope, deps);
    registerTranslationRoutes(scope, deps);
    registerUnpublishRoutes(scope, deps);
    registerRevisionRoutes(scope, deps);
    registerMediaRoutes(scope, deps, media);
    registerStaffRoutes(scope, deps);
    registerSectionRoutes(scope, deps, onSectionsChange);
    registerEditionAdminRoutes(scope, deps, onSectionsChange);
    registerSettingsRoutes(scope, deps, onSectionsChange);
    registerAuthorProfileRoutes(scope, deps);
    registerSitePageAdminRoutes(scope, deps);
    if (deps.alerts) registerAlertRoutes(scope, deps, deps.alerts);
    if (deps.newsletters) registerNewsletterRoutes(scope, deps, deps.newsletters);
    if (deps.wire) {
      // Sources first: /newsroom/wire/sources must not be read as the wire item "sources".
      registerWireSourceRoutes(scope, deps, deps.wire);
      registerWireDeskRoutes(scope, deps, deps.wire);
    }
  });
}

async function newsroomError(deps: NewsroomDeps, error: unknown, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const answer = httpErrorOf(error);
  if (answer.code === 'AUTH_REQUIRED' && !wantsJson(request)) {
    // A form posted after the session ended goes to sign-in and back to the page it came from.
    const back = request.method === 'GET' ? request.url : refererPath(request) ?? '/newsroom';
    return reply.redirect(`/newsroom/login?next=${encodeURIComponent(back)}`, 303);
  }
  if (answer.status >= 500) request.log.error({ err: error, event: 'newsroom.unhandled_error', path: request.url.split('?')[0] }, 'newsroom request failed');
  if (wantsJson(request)) return sendJsonError(reply, answer);
  const page = renderNewsroomPage(deps.assets, deps.settings.siteName, {
    title: 'Problem', user: request.staff?.user ?? null, csrf: request.staff?.session.csrfToken ?? null,
  }, html`<h1>That did not work</h1><p class="flash" data-kind="error" role="alert">${answer.message}</p><p><a href="/newsroom">Back to the desk</a></p>`);
  return reply.code(answer.status).type('text/html; charset=utf-8').send(page);
}
