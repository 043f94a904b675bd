/**
 * @module Unsubscribe links from reader e-mail: GET shows the question and a button and changes nothing (mail scanners
 * open links); POST, from that button or a mail provider's RFC 8058 one-click (`List-Unsubscribe=One-Click`), turns the
 * list off. The signed token is the authority, so no sign-in and no CSRF token; never cached.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyReaderLink, type ReaderLinkPayload } from '../../auth/signed-links.js';
import type { UnsubscribeService } from '../../../core/mailings/unsubscribe-service.js';
import type { HttpDeps } from '../http-deps.js';
import { NOT_AT_THE_EDGE } from '../edge-cache-policy.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { renderInvalidUnsubscribeLink, renderUnsubscribed, renderUnsubscribeQuestion } from './unsubscribe-page.js';

/** The site side of mailings (HttpDeps.mailings). */
export interface MailingSiteDeps {
  /** The key of signed reader links (D's secret store). */
  readerLinkKey: () => Promise<Buffer>;
  unsubscribe: UnsubscribeService;
}

const HTML = 'text/html; charset=utf-8';

export function registerUnsubscribeRoutes(app: FastifyInstance, deps: HttpDeps, mailings: MailingSiteDeps): void {
  const siteContext = createSiteContextFactory(deps);

  function noStore(reply: FastifyReply): FastifyReply {
    // The token is in the URL: no cache keeps the page (and the page tells browsers not to send it on as a Referer).
    return reply.header('cache-control', NOT_AT_THE_EDGE).type(HTML);
  }

  /** The link's payload and reader, or the 404 page already sent. */
  async function linkOf(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
    const link: ReaderLinkPayload | null = verifyReaderLink(await mailings.readerLinkKey(), request.params.token);
    const reader = link ? await mailings.unsubscribe.readerOf(link) : null;
    if (!link || !reader) {
      await noStore(reply).code(404).send(renderInvalidUnsubscribeLink(await siteContext()));
      return null;
    }
    return { link, reader, site: await siteContext(deps.editions.byId(reader.editionId) ?? deps.editions.first()) };
  }

  void app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody, { bodyLimit: 4096 });
    // One-click senders may post multipart or no type at all: the body is not needed, the signed URL says it all.
    scope.addContentTypeParser(['multipart/form-data', 'text/plain'], { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));

    scope.get<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
      const found = await linkOf(request, reply);
      if (!found) return reply;
      return noStore(reply).send(renderUnsubscribeQuestion(found.site, found.link, found.reader.email, request.params.token));
    });

    scope.post<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
      const found = await linkOf(request, reply);
      if (!found) return reply;
      await mailings.unsubscribe.unsubscribe(found.link);
      request.log.info({ event: 'mailing.unsubscribed', list: found.link.list, mailing: found.link.mailing ?? null }, 'reader unsubscribed');
      return noStore(reply).send(renderUnsubscribed(found.site, found.link));
    });
  });
}
