/** @module A reader's follows (topics, sections, authors) by slug: listed with their names, merged from a browser's list, one at a time. */
import type { Clock } from '../shared/clock.js';
import { FOLLOW_KINDS, MAX_FOLLOWS_PER_KIND, type FollowKind } from './reader.js';
import type { FollowTarget, FollowTargets, ReaderStore } from './reader-store.js';

/** Follows by kind, as slugs (the browser's localStorage lists speak slugs). */
export type FollowSlugs = Record<'topics' | 'sections' | 'authors', string[]>;
export type FollowList = Record<'topics' | 'sections' | 'authors', { slug: string; name: string; edition?: string }[]>;

const LIST_OF: Record<FollowKind, keyof FollowSlugs> = { topic: 'topics', section: 'sections', author: 'authors' };

export interface MergeOutcome {
  added: number;
  /** Slugs that name nothing on the site (ignored). */
  unknown: FollowSlugs;
  follows: FollowList;
}

export function createReaderFollows(deps: { store: ReaderStore; targets: FollowTargets; clock: Clock }) {
  const { store, targets } = deps;

  async function listFollows(readerId: string): Promise<FollowList> {
    const records = await store.listFollows(readerId);
    const list: FollowList = { topics: [], sections: [], authors: [] };
    await Promise.all(FOLLOW_KINDS.map(async (kind) => {
      const ids = records.filter((r) => r.kind === kind).map((r) => r.targetId);
      if (ids.length === 0) return;
      // A topic merged or removed since is left out (its row stays until the reader unfollows or leaves).
      const found = await targets.byIds(kind, ids);
      list[LIST_OF[kind]] = found.map(({ slug, name, edition }) => (edition ? { slug, name, edition } : { slug, name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    }));
    return list;
  }

  async function mergeFollows(readerId: string, slugs: Partial<FollowSlugs>): Promise<MergeOutcome> {
    const unknown: FollowSlugs = { topics: [], sections: [], authors: [] };
    const toAdd: { kind: FollowKind; targetId: string }[] = [];
    for (const kind of FOLLOW_KINDS) {
      const wanted = [...new Set(slugs[LIST_OF[kind]] ?? [])].slice(0, MAX_FOLLOWS_PER_KIND);
      if (wanted.length === 0) continue;
      const found = await targets.bySlugs(kind, wanted);
      const known = new Set(found.map((t) => t.slug));
      unknown[LIST_OF[kind]] = wanted.filter((s) => !known.has(s));
      toAdd.push(...found.map((t) => ({ kind, targetId: t.id })));
    }
    const added = toAdd.length ? await store.addFollows(readerId, toAdd, deps.clock.now()) : 0;
    return { added, unknown, follows: await listFollows(readerId) };
  }

  async function targetOf(kind: FollowKind, slug: string): Promise<FollowTarget | null> {
    return (await targets.bySlugs(kind, [slug]))[0] ?? null;
  }

  /** False when the slug names nothing. */
  async function follow(readerId: string, kind: FollowKind, slug: string): Promise<boolean> {
    const target = await targetOf(kind, slug);
    if (!target) return false;
    await store.addFollows(readerId, [{ kind, targetId: target.id }], deps.clock.now());
    return true;
  }

  async function unfollow(readerId: string, kind: FollowKind, slug: string): Promise<boolean> {
    const target = await targetOf(kind, slug);
    return target ? store.removeFollow(readerId, kind, target.id) : false;
  }

  return { listFollows, mergeFollows, follow, unfollow };
}
