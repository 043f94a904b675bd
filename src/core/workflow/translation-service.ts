/** @module Translation links between stories of different editions: list, link (by a pasted address) and unlink. Shared by every transport. */
import type { EventBus } from '../events/event-bus.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import type { ArticleStore } from '../articles/article-store.js';
import type { TranslationMember } from '../articles/article-workflow-store.js';
import { parseArticleAddress, type ArticleAddress } from './article-address.js';
import { checkTranslationAction, type TranslationAction } from './article-actions.js';
import { canReadArticle, isOwnArticle } from './article-reads.js';
import { articleNotFound } from './newsroom-reads.js';
import { articleTags } from './article-tags.js';
import { planTranslationLink } from './translation-link.js';

export interface TranslationDeps {
  articles: ArticleStore;
  events: EventBus;
}

const refused = (message: string) => new DomainError('VALIDATION_FAILED', message, { issues: [{ path: 'translation', message }] });

export function createTranslationService(deps: TranslationDeps) {
  const { articles } = deps;

  /** The story as its Translations box sees it, if `staff` may read it in the editor. */
  async function memberOf(staff: Pick<StaffUser, 'id' | 'role'>, id: string): Promise<TranslationMember> {
    const member = await articles.findTranslationMember(id);
    if (!member || !canReadArticle('edit', staff, member)) throw articleNotFound(id);
    return member;
  }

  const groupOf = async (m: TranslationMember) => (m.translationGroup ? articles.listTranslationGroup(m.translationGroup) : []);

  function allow(action: TranslationAction, actor: StaffUser, story: TranslationMember): void {
    const check = checkTranslationAction(action, actor.role, isOwnArticle(story, actor));
    if (!check.ok) throw new DomainError(check.code, check.message, { action });
  }

  async function resolve(address: ArticleAddress): Promise<string | null> {
    if (address.kind === 'id') return address.id;
    // A bare text may be a slug or, pasted from elsewhere in the newsroom, a story id.
    return (await articles.findIdBySlug(address.slug)) ?? ((await articles.findTranslationMember(address.slug)) ? address.slug : null);
  }

  /** Reader pages of published stories show their translations ("Read in …", hreflang): those pages change. */
  async function announce(members: readonly TranslationMember[]): Promise<void> {
    const published = [...new Map(members.filter((m) => m.status === 'published').map((m) => [m.id, m])).values()];
    for (const member of published) {
      const state = await articles.findState(member.id);
      if (state?.status !== 'published') continue;
      await deps.events.publish({ type: 'story.updated', articleId: state.id, slug: state.slug, tags: articleTags(state.slug, state.fields) });
    }
  }

  /** The story's translations that `staff` may read (any status), in edition order. */
  async function listTranslations(staff: Pick<StaffUser, 'id' | 'role'>, id: string): Promise<TranslationMember[]> {
    const self = await memberOf(staff, id);
    return (await groupOf(self)).filter((m) => m.id !== id && canReadArticle('translation', staff, m));
  }

  /** Links the story named by `address` as a translation of story `id`; returns it. */
  async function linkTranslation(actor: StaffUser, id: string, address: string): Promise<TranslationMember> {
    const self = await memberOf(actor, id);
    allow('link', actor, self);
    const parsed = parseArticleAddress(address);
    if (!parsed) throw refused('Paste the address of the story in the other edition (/ar/article/…, or its newsroom edit page) or its slug.');
    const targetId = await resolve(parsed);
    const target = targetId ? await articles.findTranslationMember(targetId) : null;
    if (!target) throw refused(`No story has the address “${address.trim()}”.`);
    const [selfGroup, targetGroup] = await Promise.all([groupOf(self), groupOf(target)]);
    const plan = planTranslationLink(self, target, selfGroup, targetGroup);
    if (!plan.ok) throw refused(plan.reason);
    await articles.joinTranslationGroup(plan.join);
    await announce([self, target, ...selfGroup, ...targetGroup]);
    return target;
  }

  /** Takes the story out of its translation group. */
  async function unlinkTranslation(actor: StaffUser, id: string): Promise<void> {
    const self = await memberOf(actor, id);
    allow('unlink', actor, self);
    if (!self.translationGroup) throw refused('This story is not linked to any translation.');
    const group = await groupOf(self);
    await articles.leaveTranslationGroup(id);
    await announce(group);
  }

  return { listTranslations, linkTranslation, unlinkTranslation };
}
