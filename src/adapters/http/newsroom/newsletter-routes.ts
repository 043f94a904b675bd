/**
 * @module Newsletters in the newsroom (editors and admins, mailing-rules.ts): the list with counts, compose (subject,
 * intro, audience, stories found by headline), the preview exactly as it will arrive, schedule, and send with a confirmation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RenderedMail } from '../../../core/deliveries/rendered-mail.js';
import type { Newsletter } from '../../../core/mailings/newsletter.js';
import type { NewsletterInput, NewsletterService } from '../../../core/mailings/newsletter-service.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { parseDatetimeLocal } from '../../../core/shared/zoned-time.js';
import { errorStatus, wantsJson } from '../error-status.js';
import type { SafeHtml } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { newsletterComposeMain, newsletterListMain, newsletterSendConfirmMain, newsletterSentMain } from './newsletter-pages.js';
import { signedInUser } from './session-guard.js';

/** The newsroom side of newsletters (NewsroomDeps.newsletters). */
export interface NewsletterNewsroomDeps {
  service: NewsletterService;
  /** The newsletter as it will arrive: the 'newsletter' renderer itself, for a sample recipient. */
  preview(newsletter: Newsletter): Promise<RenderedMail>;
}

const idParams = z.object({ id: z.string().min(1).max(100) });
const many = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const composeForm = z.object({
  subject: z.string().max(2000).default(''),
  intro: z.string().max(20_000).default(''),
  audience: z.enum(['opted-in', 'topic']).default('opted-in'),
  topic: z.string().max(200).default(''),
  story: many,
  op: z.string().max(200).default('save'),
  q: z.string().max(200).default(''),
});
const scheduleForm = z.object({ scheduled_at: z.string().max(40).default(''), op: z.enum(['schedule', 'unschedule']).default('schedule') });

/** The story list after one of the form's buttons: add, remove or move a story up. */
export function applyStoryOp(stories: readonly string[], op: string): string[] {
  const [verb, id] = [op.slice(0, op.indexOf(':')), op.slice(op.indexOf(':') + 1)];
  const list = [...stories];
  const at = list.indexOf(id);
  if (verb === 'add' && at < 0) list.push(id);
  if (verb === 'remove' && at >= 0) list.splice(at, 1);
  if (verb === 'up' && at > 0) [list[at - 1], list[at]] = [list[at]!, list[at - 1]!];
  return list;
}

/** The preview is an e-mail: its inline styles are allowed, and nothing else (no script, no request, sandboxed). */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; sandbox";

export function registerNewsletterRoutes(app: FastifyInstance, deps: NewsroomDeps, newsletters: NewsletterNewsroomDeps): void {
  const { service } = newsletters;
  const clock = { timeZone: deps.settings.timeZone, locale: deps.settings.locale };

  function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, main: SafeHtml, flash: { kind: 'ok' | 'error'; text: string } | null = null) {
    const csrf = request.staff!.session.csrfToken;
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderNewsroomPage(deps.assets, deps.settings.siteName, { title, user: request.staff!.user, csrf, flash, current: 'newsletters' }, main));
  }

  function editionOf(newsletter: Newsletter) {
    const edition = deps.editions.byId(newsletter.editionId);
    if (!edition) throw new DomainError('EDITION_NOT_FOUND');
    return edition;
  }

  /** The compose page (a draft or scheduled newsletter) or the sent one's counts. */
  async function page(request: FastifyRequest, reply: FastifyReply, newsletter: Newsletter, query: string, status = 200, flash: { kind: 'ok' | 'error'; text: string } | null = null) {
    const user = signedInUser(request);
    const edition = editionOf(newsletter);
    const counts = await service.counts(user, newsletter.id);
    if (newsletter.status === 'sent' || newsletter.status === 'sending') return send(request, reply, status, 'Newsletter', newsletterSentMain(newsletter, edition, counts, clock), flash);
    const [stories, topic, found] = await Promise.all([
      deps.articles.findSummariesByIds(newsletter.storyIds), service.topicOf(newsletter),
      query ? deps.articles.list({ limit: 50, statuses: ['published'], text: query }) : Promise.resolve({ items: [], next: null }),
    ]);
    const results = found.items.filter((item) => item.edition === edition.id).slice(0, 20);
    const main = newsletterComposeMain({
      newsletter, edition, stories, topicSlug: topic?.slug ?? '', query, results, counts, csrf: request.staff!.session.csrfToken, now: deps.clock.now(),
    });
    return send(request, reply, status, 'Newsletter', main, flash);
  }

  app.get('/newsroom/newsletters', async (request, reply) => {
    const items = await service.list(signedInUser(request));
    return send(request, reply, 200, 'Newsletters', newsletterListMain(items, deps.editions.all(), request.staff!.session.csrfToken, clock));
  });

  app.post('/newsroom/newsletters', async (request, reply) => {
    const { edition = deps.editions.first().id } = z.object({ edition: z.string().max(40).optional() }).parse(request.body ?? {});
    if (!deps.editions.byId(edition)) throw new DomainError('EDITION_NOT_FOUND');
    const created = await service.create(signedInUser(request), edition);
    if (wantsJson(request)) return reply.code(201).header('cache-control', 'no-store').send({ newsletter: created });
    return reply.redirect(`/newsroom/newsletters/${created.id}`, 303);
  });

  app.get('/newsroom/newsletters/:id', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const { q } = z.object({ q: z.string().max(200).default('') }).parse(request.query);
    return page(request, reply, await service.get(signedInUser(request), id), q.trim());
  });

  app.post('/newsroom/newsletters/:id', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const form = composeForm.parse(request.body);
    const input: NewsletterInput = {
      subject: form.subject, intro: form.intro.replace(/\r\n?/g, '\n'), audience: form.audience, topicSlug: form.topic.trim() || null,
      storyIds: form.op === 'save' ? form.story : applyStoryOp(form.story, form.op),
    };
    try {
      const saved = await service.update(user, id, input);
      if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ newsletter: saved });
      return reply.redirect(`/newsroom/newsletters/${id}${form.q ? `?q=${encodeURIComponent(form.q)}` : ''}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED' || wantsJson(request)) throw error;
      const current = await service.get(user, id);
      return page(request, reply, { ...current, subject: input.subject, intro: input.intro, audience: input.audience }, form.q, errorStatus(error.code), { kind: 'error', text: error.message });
    }
  });

  app.get('/newsroom/newsletters/:id/preview', {
    onSend: async (_request, reply, payload) => {
      reply.header('content-security-policy', PREVIEW_CSP);
      return payload;
    },
  }, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const mail = await newsletters.preview(await service.get(signedInUser(request), id));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(mail.html);
  });

  app.post('/newsroom/newsletters/:id/schedule', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const form = scheduleForm.parse(request.body);
    const current = await service.get(user, id);
    let at: Date | null = null;
    if (form.op === 'schedule') {
      at = parseDatetimeLocal(form.scheduled_at, editionOf(current).timeZone);
      if (!at) throw new DomainError('VALIDATION_FAILED', 'Choose the date and time to send it.', { issues: [{ path: 'scheduled_at', message: 'missing' }] });
    }
    const saved = await service.schedule(user, id, at);
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ newsletter: saved });
    return reply.redirect(`/newsroom/newsletters/${id}`, 303);
  });

  app.get('/newsroom/newsletters/:id/send', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const newsletter = await service.get(signedInUser(request), id);
    const topic = await service.topicOf(newsletter);
    return send(request, reply, 200, 'Send newsletter', newsletterSendConfirmMain(newsletter, editionOf(newsletter), topic?.name ?? null, request.staff!.session.csrfToken));
  });

  app.post('/newsroom/newsletters/:id/send', async (request, reply) => {
    const user = signedInUser(request);
    const { id } = idParams.parse(request.params);
    const { confirm } = z.object({ confirm: z.string().optional() }).parse(request.body);
    if (confirm !== 'yes') return reply.redirect(`/newsroom/newsletters/${id}/send`, 303);
    const recipients = await service.sendNow(user, id);
    request.log.info({ event: 'newsletter.queued', newsletterId: id, recipients }, 'newsletter queued');
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ recipients });
    return reply.redirect(`/newsroom/newsletters/${id}`, 303);
  });
}
