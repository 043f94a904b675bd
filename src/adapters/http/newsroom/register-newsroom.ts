/** @module The newsroom as one encapsulated Fastify scope: cookies, forms and uploads, the session on every request, and its own error pages. */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { ERROR_STATUS } from '../error-status.js';
import { createDatabaseUnavailableReply, isDatabaseUnavailable } from '../database-unavailable.js';
import { html } from '../html/html.js';
import { registerLoginRoutes } from './login-routes.js';
import { PASSWORD_PATH, registerPasswordRoutes } from './password-routes.js';
import { registerMediaRoutes, type MediaRouteOptions } from './media-routes.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { registerNewsroomStoryRoutes } from './newsroom-story-routes.js';
import { registerRevisionRoutes } from './revision-routes.js';
import { loadStaff, wantsJson } from './session-guard.js';
import { registerStaffRoutes } from './staff-routes.js';
import { registerSectionRoutes } from './section-routes.js';
import { registerEditionAdminRoutes } from './edition-admin-routes.js';
import { registerTranslationRoutes } from './translation-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerWireDeskRoutes } from './wire-desk-routes.js';
import { registerWireSourceRoutes } from './wire-source-routes.js';

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
  void app.register(async (scope) => {
    await scope.register(cookie);
    await scope.register(formbody, { bodyLimit: 4 * 1_048_576 });
    await scope.register(multipart, { limits: { fileSize: media.maxUploadBytes, files: 1 } });
    scope.decorateRequest('staff', null);

    scope.addHook('preHandler', async (request, reply) => {
      if (request.url.startsWith('/media/')) return;
      const staff = await loadStaff(deps.auth, request);
      // A one-time password gets its holder nowhere but the page that replaces it (and sign-out).
      const path = request.url.split('?')[0];
      if (staff?.user.mustChangePassword && path !== PASSWORD_PATH && path !== '/newsroom/logout') {
        if (request.method === 'GET') return reply.redirect(PASSWORD_PATH, 303);
        throw new DomainError('PERMISSION_DENIED', 'Choose your own password first.');
      }
    });

    const databaseUnavailable = createDatabaseUnavailableReply();
    scope.setErrorHandler(async (error, request, reply) => (isDatabaseUnavailable(error)
      ? databaseUnavailable(error, request, reply)
      : newsroomError(deps, error, request, reply)));

    registerLoginRoutes(scope, deps);
    registerPasswordRoutes(scope, deps);
    registerNewsroomStoryRoutes(scope, deps);
    registerTranslationRoutes(scope, deps);
    registerRevisionRoutes(scope, deps);
    registerMediaRoutes(scope, deps, media);
    registerStaffRoutes(scope, deps);
    registerSectionRoutes(scope, deps, onSectionsChange);
    registerEditionAdminRoutes(scope, deps, onSectionsChange);
    registerSettingsRoutes(scope, deps, onSectionsChange);
    if (deps.wire) {
      // Sources first: /newsroom/wire/sources must not be read as the wire item "sources".
      registerWireSourceRoutes(scope, deps, deps.wire);
      registerWireDeskRoutes(scope, deps, deps.wire);
    }
  });
}

async function newsroomError(deps: NewsroomDeps, error: unknown, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const domain: DomainError | null = isDomainError(error) ? error : null;
  if (domain?.code === 'AUTH_REQUIRED') {
    if (wantsJson(request)) return reply.code(401).send({ error: { code: domain.code, message: domain.message } });
    // A form posted after the session ended goes to sign-in and back to the page it came from.
    const back = request.method === 'GET' ? request.url : refererPath(request) ?? '/newsroom';
    return reply.redirect(`/newsroom/login?next=${encodeURIComponent(back)}`, 303);
  }
  const status = domain ? ERROR_STATUS[domain.code] : error instanceof ZodError ? 400 : ((error as { statusCode?: number }).statusCode ?? 500);
  const message = domain ? domain.message : status === 400 ? 'The request could not be read.' : status === 413 ? 'The request is too large.' : 'Something went wrong on our side.';
  if (status >= 500) request.log.error({ err: error, event: 'newsroom.unhandled_error', path: request.url.split('?')[0] }, 'newsroom request failed');
  if (wantsJson(request)) return reply.code(status).send({ error: { code: domain?.code ?? 'REQUEST_FAILED', message, details: domain?.details } });
  const page = renderNewsroomPage(deps.assets, deps.settings.siteName, {
    title: 'Problem', user: request.staff?.user ?? null, csrf: request.staff?.session.csrfToken ?? null,
  }, html`<h1>That did not work</h1><p class="flash" data-kind="error" role="alert">${message}</p><p><a href="/newsroom">Back to the desk</a></p>`);
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}
