/** @module "Send alert" on a published story: GET the preview, POST the choice (a confirmation step), POST with confirm=yes sends. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ALERT_AUDIENCES, canSendAlerts } from '../../../core/alerts/alert.js';
import type { AlertService } from '../../../core/alerts/alert-service.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import type { StaffUser } from '../../../core/staff/staff-user.js';
import { errorStatus } from '../error-status.js';
import { renderAlertPage, type AlertPageInput } from './alert-page.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { signedInUser, wantsJson } from './session-guard.js';
import { sendNewsroomPage } from './story-editor-response.js';

const idParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
const alertBody = z.object({
  audience: z.enum(ALERT_AUDIENCES).default('followers'),
  send_again: z.literal('1').optional(),
  confirm: z.literal('yes').optional(),
});

function requireDesk(request: FastifyRequest): StaffUser {
  const user = signedInUser(request);
  if (!canSendAlerts(user)) throw new DomainError('PERMISSION_DENIED', 'Only editors and admins can send alerts.');
  return user;
}

export function registerAlertRoutes(app: FastifyInstance, deps: NewsroomDeps, alerts: AlertService): void {
  async function page(request: FastifyRequest, reply: FastifyReply, id: string, extra: Partial<AlertPageInput>, status = 200, flash: { kind: 'ok' | 'error'; text: string } | null = null) {
    const preview = await alerts.preview(id);
    const main = renderAlertPage({
      preview, csrf: request.staff!.session.csrfToken, siteName: deps.settings.siteName,
      clock: { timeZone: deps.settings.timeZone, locale: deps.settings.locale }, ...extra,
    });
    return sendNewsroomPage(deps, request, reply, { title: 'Send alert', current: 'stories', flash }, main, status);
  }

  app.get('/newsroom/stories/:id/alert', async (request, reply) => {
    requireDesk(request);
    const { id } = idParams.parse(request.params);
    const sent = /^\d+$/.exec(String((request.query as { sent?: unknown }).sent ?? ''))?.[0];
    return page(request, reply, id, {}, 200, sent ? { kind: 'ok', text: `Alert round ${sent} is on its way.` } : null);
  });

  app.post('/newsroom/stories/:id/alert', async (request, reply) => {
    const user = requireDesk(request);
    const { id } = idParams.parse(request.params);
    const body = alertBody.parse(request.body ?? {});
    const sendAgain = body.send_again === '1';
    if (body.confirm !== 'yes') {
      if (wantsJson(request)) throw new DomainError('VALIDATION_FAILED', 'Confirm sending with confirm=yes.', { field: 'confirm' });
      return page(request, reply, id, { audience: body.audience, sendAgain, confirming: true });
    }
    try {
      const { round, queued } = await alerts.send(user, { articleId: id, audience: body.audience, confirmAgain: sendAgain });
      if (wantsJson(request)) return reply.code(201).header('cache-control', 'no-store').send({ round: round.round, alertId: round.id, queued });
      return reply.redirect(`/newsroom/stories/${id}/alert?sent=${round.round}`, 303);
    } catch (error) {
      if (!isDomainError(error) || wantsJson(request) || (error.code !== 'ALERT_ALREADY_SENT' && error.code !== 'ALERT_NOT_PUBLISHED')) throw error;
      // The page again, the problem named, nothing sent.
      return page(request, reply, id, { audience: body.audience, problem: error.message }, errorStatus(error.code));
    }
  });
}
