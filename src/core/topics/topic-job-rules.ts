/**
 * @module Who may see the topic suggestion job (an imported archive's background work) as one table, like the other
 * areas' (workflow/article-actions.ts, wire/wire-desk-rules.ts, mailings/mailing-rules.ts): the desk reviews the
 * suggestions the job leaves, so the desk sees its progress; writers do not.
 */
import type { Role } from '../staff/staff-user.js';

export const TOPIC_JOB_ACTIONS = ['topic-job.read'] as const;
export type TopicJobAction = (typeof TOPIC_JOB_ACTIONS)[number];

export const TOPIC_JOB_RULES: Record<TopicJobAction, { roles: readonly Role[]; forbidden: string }> = {
  'topic-job.read': { roles: ['editor', 'admin'], forbidden: 'Only editors and admins can see the topic suggestion job.' },
};

export function mayTopicJob(action: TopicJobAction, role: Role): boolean {
  return TOPIC_JOB_RULES[action].roles.includes(role);
}
