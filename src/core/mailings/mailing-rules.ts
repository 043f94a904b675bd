/**
 * @module Who may do what with reader mailings and breaking-news alerts, as one table (the story workflow's is workflow/article-actions.ts, the
 * wire desk's wire/wire-desk-rules.ts): newsletters speak for the publication to every subscriber, so they are the
 * desk's (editors and admins); writers neither see nor send them.
 */
import type { Role } from '../staff/staff-user.js';

export const MAILING_ACTIONS = ['newsletter.read', 'newsletter.write', 'newsletter.send', 'alert.send'] as const;
export type MailingAction = (typeof MAILING_ACTIONS)[number];

const DESK: readonly Role[] = ['editor', 'admin'];

export const MAILING_RULES: Record<MailingAction, { roles: readonly Role[]; forbidden: string }> = {
  'newsletter.read': { roles: DESK, forbidden: 'Only editors can see newsletters.' },
  'newsletter.write': { roles: DESK, forbidden: 'Only editors can write newsletters.' },
  'newsletter.send': { roles: DESK, forbidden: 'Only editors can schedule or send newsletters.' },
  // A breaking-news alert interrupts every follower's day: the desk decides (preview and send alike).
  'alert.send': { roles: DESK, forbidden: 'Only editors and admins can send alerts.' },
};

export type MailingCheck = { ok: true } | { ok: false; code: 'PERMISSION_DENIED'; message: string };

export function checkMailingAction(action: MailingAction, role: Role): MailingCheck {
  const rule = MAILING_RULES[action];
  return rule.roles.includes(role) ? { ok: true } : { ok: false, code: 'PERMISSION_DENIED', message: rule.forbidden };
}
