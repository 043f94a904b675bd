/** @module Builds the Fastify app (never listens): security headers, assets, reader routes, feeds, errors. */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serveCachedHit } from './cache-fast-path.js';
import { ZodError } from 'zod';
import { isDomainError } from '../../core/shared/domain-error.js';
import { httpError, httpErrorOf, sendJsonError, wantsJson } from './error-status.js';
import { createDatabaseUnavailableReply } from './database-unavailable.js';
import { isDatabaseUnavailable } from '../db/storage-faults.js';
import { answerClientAbort, isClientAbort } from './client-abort.js';
import { registerEdgeCachePolicy } from './edge-cache-policy.js';
import { createGuardedServer, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection-guard.js';
import type { HttpDeps } from './http-deps.js';
import { createTlsCheck, hstsValue, registerSecurityHeaders, type HstsPolicy } from './security-headers.js';
import { registerInputCleaning } from './clean-input.js';
import { sendPage } from './send-page.js';
import { registerDiscoveryRoutes } from './site/discovery-routes.js';
import { registerListRoutes } from './site/list-routes.js';
import { registerLiveRoutes } from './site/live-routes.js';
import { renderErrorPage, renderNotFoundPage } from './site/simple-pages.js';
import { createSiteContextFactory } from './site/site-context-factory.js';
import { registerStoryRoutes } from './site/story-routes.js';
import { registerCorrectionsRoutes } from './site/corrections-routes.js';
import { registerSitePageRoutes } from './site/site-page-routes.js';
import { registerSiteImageRoutes } from './site/site-image-routes.js';
import { registerReaderAccountRoutes } from './site/reader-account-routes.js';
import { editionOfPath } from './site/edition-routes.js';
import { registerFeedRoutes } from './feeds/feed-routes.js';
import { registerNewsroom } from './newsroom/register-newsroom.js';
import { registerWirePushRoutes } from './wire/wire-push-routes.js';
import { registerUnsubscribeRoutes } from './site/unsubscribe-routes.js';
import { registerPushRoutes } from './site/push-routes.js';
import { findOldUrlRedirect, registerOldUrlRedirects, sendOldUrlRedirect } from './site/old-url-redirects.js';

const HTML = 'text/html; charset=utf-8';

export interface BuildAppOptions {
  trustProxy?: boolean | string;
  /** Timeouts and connection caps of the listening server (connection-guard.ts); unused by inject(). */
  connectionLimits?: ConnectionLimits;
  /** Strict-Transport-Security for requests that arrived over TLS (security-headers.ts); none when absent. */
  hsts?: HstsPolicy;
}

export function buildApp(deps: HttpDeps, options: BuildAppOptions = {}): FastifyInstance {
  const hsts = options.hsts ? hstsValue(options.hsts) : null;
  const fastPathHsts = hsts ? { value: hsts, isTls: createTlsCheck(options.trustProxy ?? false) } : null;
  const readCounter = deps.mostRead?.counter ?? null;
  const app = Fastify({
    // X-Forwarded-For is believed only from configured proxies, so a client cannot pick its own address (login throttling).
    trustProxy: options.trustProxy ?? false,
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 300, ignoreTrailingSlash: true },
    // Cache hits are answered before routing (see cache-fast-path.ts); inject() in tests goes through Fastify.
    serverFactory: (handler) => createGuardedServer(options.connectionLimits ?? DEFAULT_CONNECTION_LIMITS, (req, res) => {
      if (!serveCachedHit(deps.pageCache, req, res, fastPathHsts, readCounter)) handler(req, res);
    }, deps.logger),
  });
  const siteContext = createSiteContextFactory(deps);
  // The editions come from the database before the first request (and again whenever an admin changes one).
  app.addHook('onReady', deps.reloadEditions);

  registerSecurityHeaders(app, hsts);
  registerEdgeCachePolicy(app);
  registerInputCleaning(app);
  registerOldUrlRedirects(app, deps);

  app.get('/assets/*', async (request, reply) => {
    const page = deps.assets.byPath.get(request.url.split('?')[0] ?? '');
    if (!page) return reply.code(404).type('text/plain').send('Not found');
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return sendPage(request, reply, page);
  });
  // The service worker: at the root so its scope is the whole site (both editions); revalidated on every visit.
  app.get('/sw.js', async (request, reply) => {
    reply.header('cache-control', 'no-cache');
    return sendPage(request, reply, deps.assets.serviceWorker);
  });

  registerStoryRoutes(app, deps);
  registerCorrectionsRoutes(app, deps);
  registerSitePageRoutes(app, deps);
  registerSiteImageRoutes(app, deps);
  registerListRoutes(app, deps);
  registerDiscoveryRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerLiveRoutes(app, deps.articles, deps.live);
  if (deps.wirePush) registerWirePushRoutes(app, deps.wirePush);
  if (deps.mailings) registerUnsubscribeRoutes(app, deps, deps.mailings);
  registerPushRoutes(app, deps.push);
  if (deps.readerAccounts) registerReaderAccountRoutes(app, { ...deps, readerAccounts: deps.readerAccounts });
  if (deps.newsroom) registerNewsroom(app, deps.newsroom.deps, deps.newsroom.media, () => deps.pageCache.clear());

  app.setNotFoundHandler(async (request, reply) => {
    // An imported site's old links (and old feed addresses) are looked up only here, where nothing else answered.
    const redirect = request.method === 'GET' || request.method === 'HEAD' ? await findOldUrlRedirect(deps, request.url) : null;
    if (redirect) return sendOldUrlRedirect(reply, redirect);
    const site = await siteContext(editionOfPath(deps.editions, request.url));
    return reply.code(404).type(HTML).header('cache-control', 'no-cache').send(renderNotFoundPage(site, request.url.split('?')[0] ?? '/'));
  });

  const databaseUnavailable = createDatabaseUnavailableReply();
  app.setErrorHandler(async (error, request, reply) => {
    // A client gone mid-request is no fault of ours and nobody reads the answer; it must not look like a database outage.
    if (isClientAbort(error, request.raw)) return answerClientAbort(error, request, reply);
    // Checked first: the error page itself would query the unreachable database for the section menu.
    if (isDatabaseUnavailable(error)) return databaseUnavailable(error, request, reply);
    const path = request.url.split('?')[0] ?? '/';
    // A reader URL whose parameters do not parse names nothing: 404, not 400.
    const answer = error instanceof ZodError ? httpError('NOT_FOUND') : httpErrorOf(error);
    if (answer.status >= 500) request.log.error({ err: error, event: 'http.unhandled_error', path }, 'request failed');
    if (wantsJson(request)) return sendJsonError(reply, answer);
    const site = await siteContext(editionOfPath(deps.editions, request.url)).catch(() => null);
    reply.code(answer.status).header('cache-control', 'no-store');
    if (!site) return reply.type('text/plain').send(answer.status >= 500 ? 'Service unavailable' : answer.status === 404 ? 'Not found' : 'Bad request');
    if (answer.status === 404) return reply.type(HTML).send(renderNotFoundPage(site, path));
    return reply.type(HTML).send(renderErrorPage(site, path, answer.status < 500 && isDomainError(error) ? error.message : null));
  });

  return app;
}
