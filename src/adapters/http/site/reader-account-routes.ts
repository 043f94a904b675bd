/**
 * @module Reader accounts over HTTP, in every edition (/account…, /ar/account…): sign-in by e-mail link, the account page,
 * follows for the browser script. One encapsulated scope with cookies and forms; every answer is `private, no-store`
 * and none enters the page cache (so the cache fast path never has one to serve).
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { NOT_AT_THE_EDGE } from '../edge-cache-policy.js';
import { httpError, httpErrorOf, sendJsonError, wantsJson } from '../error-status.js';
import { registerAccountPageRoutes } from './account-page-routes.js';
import { HTML, onEveryEdition, type AccountDeps } from './reader-account-deps.js';
import { registerReaderFollowRoutes } from './reader-follow-routes.js';
import {
  clearReaderCookie, isValidFormToken, issueFormToken, readerSessionOf, readerSessionToken, requireReaderCsrf, setReaderCookie,
} from './reader-session.js';
import {
  renderCheckInboxPage, renderConfirmLinkPage, renderFormExpiredPage, renderLinkInvalidPage, renderSignInPage,
} from './reader-sign-in-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { editionPath } from './site-context.js';

const newFormToken = () => randomBytes(24).toString('base64url');
const signInForm = z.object({ email: z.string().max(1000).default(''), _csrf: z.string().max(100).optional() });
const verifyForm = z.object({ token: z.string().max(200), _csrf: z.string().max(100).optional() });
const verifyQuery = z.object({ token: z.string().max(200).default('') });

function registerSignInRoutes(app: FastifyInstance, deps: AccountDeps): void {
  const accounts = deps.readerAccounts;
  const siteContext = createSiteContextFactory(deps);
  const send = (reply: FastifyReply, status: number, body: string) => reply.code(status).type(HTML).send(body);

  onEveryEdition(app, deps.editions, 'GET', '/account/sign-in', async (request, reply, edition) => {
    if (await readerSessionOf(request, accounts)) return reply.redirect(editionPath({ edition }, '/account'), 303);
    return send(reply, 200, renderSignInPage(await siteContext(edition), { email: '', csrf: issueFormToken(request, reply, newFormToken()), error: null }));
  });

  onEveryEdition(app, deps.editions, 'POST', '/account/sign-in', async (request, reply, edition) => {
    const site = await siteContext(edition);
    const form = signInForm.safeParse(request.body ?? {});
    const csrf = issueFormToken(request, reply, newFormToken());
    if (!form.success || !isValidFormToken(request, form.data._csrf)) return send(reply, 403, renderFormExpiredPage(site, csrf));
    const outcome = await accounts.requestSignInLink(form.data.email, edition.id, request.ip);
    if (!outcome.ok) return send(reply, 400, renderSignInPage(site, { email: form.data.email, csrf, error: site.t('account.signIn.invalidEmail') }));
    // Throttled or not, the reader sees the same page: it must not tell whether an address has an account or was asked for.
    if (!outcome.value.queued) request.log.warn({ event: 'reader.sign_in_throttled', ip: request.ip, retryAfter: outcome.value.retryAfter }, 'sign-in link request throttled');
    else request.log.info({ event: 'reader.sign_in_link_queued', edition: edition.id }, 'sign-in link queued');
    return send(reply, 200, renderCheckInboxPage(site, form.data.email.trim(), csrf));
  });

  // The link in the mail: a page with a button, so a mail scanner that opens links does not spend the token.
  onEveryEdition(app, deps.editions, 'GET', '/account/verify', async (request, reply, edition) => {
    const { token } = verifyQuery.catch({ token: '' }).parse(request.query);
    const email = await accounts.signInLinkAddress(token);
    return send(reply, 200, renderConfirmLinkPage(await siteContext(edition), token, issueFormToken(request, reply, newFormToken()), email));
  });

  onEveryEdition(app, deps.editions, 'POST', '/account/verify', async (request, reply, edition) => {
    const form = verifyForm.safeParse(request.body ?? {});
    if (!form.success || !isValidFormToken(request, form.data._csrf)) {
      return send(reply, 403, renderFormExpiredPage(await siteContext(edition), issueFormToken(request, reply, newFormToken())));
    }
    const verified = await accounts.verifySignInLink(form.data.token);
    if (!verified.ok) {
      request.log.info({ event: 'reader.sign_in_link_refused', reason: verified.reason }, 'sign-in link refused');
      if (wantsJson(request)) return sendJsonError(reply, httpError('READER_LINK_INVALID'));
      return send(reply, 410, renderLinkInvalidPage(await siteContext(edition), issueFormToken(request, reply, newFormToken())));
    }
    // A session from before (another reader on this browser) ends here.
    await accounts.signOut(readerSessionToken(request));
    setReaderCookie(request, reply, verified.value.token);
    request.log.info({ event: 'reader.signed_in', readerId: verified.value.signedIn.reader.id }, 'reader signed in');
    return reply.redirect(`${editionPath({ edition }, '/account')}?welcome=1`, 303);
  });

  onEveryEdition(app, deps.editions, 'POST', '/account/sign-out', async (request, reply, edition) => {
    const signedIn = await readerSessionOf(request, accounts);
    if (signedIn) {
      requireReaderCsrf(request, signedIn);
      await accounts.signOut(readerSessionToken(request));
    }
    clearReaderCookie(request, reply);
    return reply.redirect(editionPath({ edition }, '/'), 303);
  });
}

export function registerReaderAccountRoutes(app: FastifyInstance, deps: AccountDeps): void {
  void app.register(async (scope) => {
    await scope.register(cookie);
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    // Personal pages: never stored by a browser's back cache, a proxy or the edge, whatever a route set.
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', NOT_AT_THE_EDGE);
      return payload;
    });
    // The follows endpoints speak JSON to the script whatever it accepts; pages' errors go on to the site's error pages.
    scope.setErrorHandler(async (error, request, reply) => {
      if (!/\/account\/follows(\/|$|\?)/.test(request.url)) throw error;
      const answer = httpErrorOf(error);
      if (answer.status >= 500) request.log.error({ err: error, event: 'http.unhandled_error', path: '/account/follows' }, 'request failed');
      return sendJsonError(reply, answer);
    });
    registerSignInRoutes(scope, deps);
    registerAccountPageRoutes(scope, deps);
    registerReaderFollowRoutes(scope, deps);
  });
}
