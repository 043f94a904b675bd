/**
 * @module Newsletter use cases, shared by every transport: write a draft (published stories of its edition only),
 * schedule or send now, queue one delivery per reader of the audience (pages, idempotent), and the counts. Sending is
 * claimed by one conditional update, so with several processes (or two editors pressing Send) it happens once.
 */
import type { ArticleStore } from '../articles/article-store.js';
import type { DeliveryStore } from '../deliveries/delivery-store.js';
import type { NewDelivery } from '../deliveries/delivery.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Role } from '../staff/staff-user.js';
import { checkMailingAction, type MailingAction } from './mailing-rules.js';
import type { MailingStore } from './mailing-store.js';
import {
  EDITABLE_STATUSES, newsletterIssues, newsletterMailing, type Newsletter, type NewsletterDraft, type NewsletterPayload,
} from './newsletter.js';
import type { NewsletterStore } from './newsletter-store.js';

export interface NewsletterServiceDeps {
  newsletters: NewsletterStore;
  readers: Pick<MailingStore, 'listNewsletterAudience' | 'countUnsubscribes'>;
  deliveries: Pick<DeliveryStore, 'enqueue' | 'countsOf'>;
  articles: Pick<ArticleStore, 'findSummariesByIds'>;
  ids: IdGenerator;
  clock: Clock;
  /** Readers per page of the audience. */
  batchSize?: number;
  /** A 'sending' newsletter untouched this long is taken over (its process died). */
  staleMs?: number;
}

type Staff = { id: string; role: Role };

export interface NewsletterCounts {
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  waiting: number;
  unsubscribed: number;
}

/** A draft as an editor sends it: the audience's topic by slug. */
export type NewsletterInput = Omit<NewsletterDraft, 'topicId'> & { topicSlug: string | null };

const EMPTY_DRAFT: NewsletterDraft = { subject: '', intro: '', storyIds: [], audience: 'opted-in', topicId: null };

export function createNewsletterService(deps: NewsletterServiceDeps) {
  const batchSize = deps.batchSize ?? 1000;
  const staleMs = deps.staleMs ?? 10 * 60_000;

  function allow(staff: Staff, action: MailingAction): void {
    const check = checkMailingAction(action, staff.role);
    if (!check.ok) throw new DomainError(check.code, check.message);
  }

  async function found(id: string): Promise<Newsletter> {
    const newsletter = await deps.newsletters.find(id);
    if (!newsletter) throw new DomainError('NEWSLETTER_NOT_FOUND', undefined, { id });
    return newsletter;
  }

  /** The draft checked: its stories published and of the newsletter's edition, no story twice. */
  async function checked(newsletter: Newsletter, draft: NewsletterDraft, ready: boolean): Promise<NewsletterDraft> {
    const storyIds = [...new Set(draft.storyIds)];
    const issues = newsletterIssues({ ...draft, storyIds }, ready);
    const stories = storyIds.length ? await deps.articles.findSummariesByIds(storyIds) : [];
    const usable = new Set(stories.filter((s) => s.edition.id === newsletter.editionId).map((s) => s.id));
    const refused = storyIds.filter((id) => !usable.has(id));
    if (refused.length) issues.push({ path: 'stories', message: 'Only published stories of this edition can go in its newsletter.' });
    if (issues.length) throw new DomainError('VALIDATION_FAILED', issues[0]!.message, { issues, refused });
    return { ...draft, subject: draft.subject.trim(), storyIds };
  }

  async function create(staff: Staff, editionId: string): Promise<Newsletter> {
    allow(staff, 'newsletter.write');
    const now = deps.clock.now();
    const newsletter: Newsletter = {
      id: deps.ids.newId(), editionId, ...EMPTY_DRAFT, status: 'draft', scheduledAt: null, sentAt: null, recipients: null,
      createdBy: staff.id, createdAt: now, updatedAt: now,
    };
    await deps.newsletters.insert(newsletter);
    return newsletter;
  }

  async function get(staff: Staff, id: string): Promise<Newsletter> {
    allow(staff, 'newsletter.read');
    return found(id);
  }

  async function list(staff: Staff, limit = 50): Promise<{ newsletter: Newsletter; counts: NewsletterCounts }[]> {
    allow(staff, 'newsletter.read');
    const items = await deps.newsletters.list(limit);
    return Promise.all(items.map(async (newsletter) => ({ newsletter, counts: await countsOf(newsletter.id) })));
  }

  /** The audience's topic as the editor typed it (a slug) → its id. */
  async function topicIdOf(input: NewsletterInput): Promise<string | null> {
    if (input.audience !== 'topic' || !input.topicSlug) return null;
    const topic = await deps.newsletters.findTopic({ slug: input.topicSlug });
    if (!topic) throw new DomainError('VALIDATION_FAILED', 'There is no topic with this name.', { issues: [{ path: 'topic', message: 'unknown topic' }] });
    return topic.id;
  }

  /** The topic whose followers get it (for the form), if any. */
  async function topicOf(newsletter: Newsletter): Promise<{ id: string; slug: string; name: string } | null> {
    return newsletter.topicId ? deps.newsletters.findTopic({ id: newsletter.topicId }) : null;
  }

  /** Saves the draft; a scheduled newsletter stays scheduled (and must stay sendable). */
  async function update(staff: Staff, id: string, input: NewsletterInput): Promise<Newsletter> {
    allow(staff, 'newsletter.write');
    const { topicSlug: _slug, ...rest } = input;
    const draft: NewsletterDraft = { ...rest, topicId: await topicIdOf(input) };
    const current = await found(id);
    if (!EDITABLE_STATUSES.includes(current.status)) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id, status: current.status });
    const clean = await checked(current, draft, current.status === 'scheduled');
    const saved = await deps.newsletters.save(id, { ...clean, status: current.status, scheduledAt: current.scheduledAt }, EDITABLE_STATUSES, deps.clock.now());
    if (!saved) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id });
    return found(id);
  }

  /** Schedules at `at` (in the future), or back to a draft with null. */
  async function schedule(staff: Staff, id: string, at: Date | null): Promise<Newsletter> {
    allow(staff, 'newsletter.send');
    const current = await found(id);
    if (!EDITABLE_STATUSES.includes(current.status)) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id, status: current.status });
    const now = deps.clock.now();
    if (at && at.getTime() <= now.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'Choose a time in the future, or send it now.', { issues: [{ path: 'scheduled_at', message: 'in the past' }] });
    }
    const clean = at ? await checked(current, current, true) : current;
    const saved = await deps.newsletters.save(id, { ...clean, status: at ? 'scheduled' : 'draft', scheduledAt: at }, EDITABLE_STATUSES, now);
    if (!saved) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id });
    return found(id);
  }

  /** Queues the newsletter for its whole audience now; returns how many readers it was queued for. */
  async function sendNow(staff: Staff, id: string): Promise<number> {
    allow(staff, 'newsletter.send');
    const current = await found(id);
    if (!EDITABLE_STATUSES.includes(current.status)) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id, status: current.status });
    await checked(current, current, true);
    const now = deps.clock.now();
    if (!(await deps.newsletters.claim(id, EDITABLE_STATUSES, new Date(0), now))) throw new DomainError('NEWSLETTER_STATUS_CONFLICT', undefined, { id });
    return queueAudience(current);
  }

  /** One delivery per reader of the audience, page by page; the outbox's key makes a re-run (a taken-over claim) add nothing. */
  async function queueAudience(newsletter: Newsletter): Promise<number> {
    const mailing = newsletterMailing(newsletter.id);
    const payload: NewsletterPayload = { newsletterId: newsletter.id };
    let recipients = 0;
    for (let after = ''; ;) {
      const page = await deps.readers.listNewsletterAudience({
        editionId: newsletter.editionId, audience: newsletter.audience, topicId: newsletter.topicId, after, limit: batchSize,
      });
      if (page.length === 0) break;
      const now = deps.clock.now();
      const queue = page.map((r): NewDelivery => ({ channel: 'email', kind: 'newsletter', mailing, recipient: r.email, readerId: r.id, payload: { ...payload } }));
      await deps.deliveries.enqueue(queue, now);
      await deps.newsletters.touch(newsletter.id, now);
      recipients += page.length;
      if (page.length < batchSize) break;
      after = page[page.length - 1]!.id;
    }
    await deps.newsletters.markSent(newsletter.id, recipients, deps.clock.now());
    return recipients;
  }

  /** The scheduler's round: every newsletter whose time has come, each claimed by exactly one process. */
  async function queueDueNewsletters(at?: Date): Promise<{ sent: string[] }> {
    const now = at ?? deps.clock.now();
    const staleBefore = new Date(now.getTime() - staleMs);
    const sent: string[] = [];
    for (const id of await deps.newsletters.listDue(now, staleBefore)) {
      if (!(await deps.newsletters.claim(id, ['scheduled'], staleBefore, now, now))) continue;
      const newsletter = await deps.newsletters.find(id);
      if (!newsletter) continue;
      await queueAudience(newsletter);
      sent.push(id);
    }
    return { sent };
  }

  async function countsOf(id: string): Promise<NewsletterCounts> {
    const mailing = newsletterMailing(id);
    const [counts, unsubscribed] = await Promise.all([deps.deliveries.countsOf(mailing), deps.readers.countUnsubscribes(mailing)]);
    return { ...counts, unsubscribed };
  }

  async function counts(staff: Staff, id: string): Promise<NewsletterCounts> {
    allow(staff, 'newsletter.read');
    await found(id);
    return countsOf(id);
  }

  return { create, get, list, update, schedule, sendNow, queueDueNewsletters, counts, topicOf };
}

export type NewsletterService = ReturnType<typeof createNewsletterService>;
