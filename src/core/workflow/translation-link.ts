/** @module Linking two stories as translations: when it is refused, and which group the linked stories end up in (pure). */
import type { TranslationJoin, TranslationMember } from '../articles/article-workflow-store.js';

export type LinkPlan = { ok: true; join: TranslationJoin } | { ok: false; reason: string };

const named = (m: Pick<TranslationMember, 'headline'>) => `“${m.headline || 'Untitled draft'}”`;

/**
 * Links `self` to `target`, given the current members of their groups (empty when a story has none). A group
 * holds at most one story per edition; the linked stories share the group either already has (self's first),
 * else a new one named after `self`.
 */
export function planTranslationLink(
  self: TranslationMember, target: TranslationMember, selfGroup: readonly TranslationMember[], targetGroup: readonly TranslationMember[],
): LinkPlan {
  if (self.id === target.id) return { ok: false, reason: 'A story cannot be its own translation: paste the address of the story in the other edition.' };
  if (self.translationGroup !== null && self.translationGroup === target.translationGroup) {
    return { ok: false, reason: `${named(target)} is already linked to this story.` };
  }
  if (self.edition.id === target.edition.id) {
    return { ok: false, reason: `${named(target)} is in the same edition (${self.edition.name}); a translation belongs to another edition.` };
  }
  const selfSide = selfGroup.length > 0 ? selfGroup : [self];
  const targetSide = targetGroup.length > 0 ? targetGroup : [target];
  const taken = targetSide.find((m) => m.edition.id === self.edition.id);
  if (taken) {
    return { ok: false, reason: `${named(target)} already has a translation in ${self.edition.name}: ${named(taken)}. Unlink that one first.` };
  }
  const clash = selfSide.find((m) => m.id !== self.id && targetSide.some((t) => t.edition.id === m.edition.id));
  if (clash) {
    return { ok: false, reason: `This story already has a translation in ${clash.edition.name}: ${named(clash)}. Unlink that one first.` };
  }
  const group = self.translationGroup ?? target.translationGroup ?? self.id;
  const mergeGroups = [self.translationGroup, target.translationGroup].filter((g): g is string => g !== null && g !== group);
  return { ok: true, join: { group, ids: [self.id, target.id], mergeGroups } };
}
