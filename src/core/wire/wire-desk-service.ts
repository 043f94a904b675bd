/**
 * @module The wire desk's use cases, shared by every transport: use an item as a new draft, add it to a story,
 * spike it or bring it back. Each is checked against the desk's rules (wire-desk-rules.ts) and written whole
 * or not at all: the story write and the item's new status commit in one transaction.
 */
import type { NamedRef } from '../articles/article.js';
import type { AuthorStore } from '../authors/author-store.js';
import { bylineAuthors } from '../authors/byline-author.js';
import type { EditionStore } from '../editions/edition-store.js';
import type { DomainEvent, EventBus } from '../events/event-bus.js';
import type { SectionStore } from '../sections/section-store.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import type { Result } from '../shared/result.js';
import type { StaffUser } from '../staff/staff-user.js';
import type { SuggestedTopic } from '../topics/topic-suggester.js';
import { createNewsroomService, type NewsroomService } from '../workflow/newsroom-service.js';
import type { ArticleStore } from '../articles/article-store.js';
import type { ArticleState } from '../articles/article-workflow-store.js';
import { canReadArticle } from '../workflow/article-reads.js';
import { WIRE_DESK_RULES, wireItemFor, type WireDeskMove } from './wire-desk-rules.js';
import type { WireDeskStores, WireDeskTransaction } from './wire-desk-transaction.js';
import type { StoredWireItem, WireStore } from './wire-store.js';
import { bylineNames } from './wire-byline.js';
import type { WireItem } from './wire-item.js';
import { bodyWithWireUpdate, articleFieldsFromWire, wireAgencyCredit, wireLeadDateline } from './wire-to-story.js';

export interface WireDeskDeps {
  /** Items read before a transaction, and spiked or restored (one conditional update each). */
  items: Pick<WireStore, 'find' | 'setStatus'>;
  transaction: WireDeskTransaction;
  /** A new draft's section: the one asked for, else the first edition's first. */
  sections: Pick<SectionStore, 'list' | 'findBySlug'>;
  editions: Pick<EditionStore, 'list'>;
  /**
   * A byline's people: an author of the same name (compared as names, byline-author.ts) is reused, a new one becomes a
   * byline-only author with a slug of its own as the draft is stored.
   */
  authors: Pick<AuthorStore, 'findByName' | 'findBySlug'>;
  /** Computed before the transaction: tagging is slow, and a write transaction must be short. */
  suggestTopics: (itemId: string) => Promise<Result<SuggestedTopic[], unknown>>;
  /** Story events go out here once the transaction has committed, never for one rolled back. */
  events: EventBus;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  clock: Clock;
}

/** The newsroom's use cases and the desk's stores, all bound to one transaction. */
interface DeskTransaction {
  newsroom: Pick<NewsroomService, 'createArticle' | 'act'>;
  articles: Pick<ArticleStore, 'findState' | 'findIdBySlug'>;
  items: WireDeskStores['items'];
}

const FALLBACK_SECTION: NamedRef = { slug: 'world', name: 'World' };

export type WireDeskService = ReturnType<typeof createWireDeskService>;

export function createWireDeskService(deps: WireDeskDeps) {
  /** The item, once the actor's role and the item's status allow the action. */
  const itemFor = (actor: StaffUser, itemId: string, action: WireDeskMove): Promise<StoredWireItem> => wireItemFor(deps.items, actor, itemId, action);

  /** The item's new status; refused when someone moved the item since it was read, which undoes the whole action. */
  async function moveItem(items: DeskTransaction['items'], itemId: string, action: WireDeskMove, storyId: string | null): Promise<void> {
    const rule = WIRE_DESK_RULES[action];
    if (await items.setStatus(itemId, [...rule.from], rule.to, storyId)) return;
    throw new DomainError('WIRE_ITEM_STATUS_CONFLICT', 'Someone else changed this item meanwhile; nothing was changed. Reload it.', { itemId, action });
  }

  async function inTransaction<T>(work: (tx: DeskTransaction) => Promise<T>): Promise<T> {
    const held: DomainEvent[] = [];
    const events: EventBus = { publish: async (event) => { held.push(event); }, subscribe: (handler) => deps.events.subscribe(handler) };
    const result = await deps.transaction((stores) => work({
      newsroom: createNewsroomService({
        articles: stores.articles, sections: stores.sections, events, ids: deps.ids, randomBytes: deps.randomBytes, clock: deps.clock,
      }),
      articles: stores.articles,
      items: stores.items,
    }));
    // Readers' caches hear of a change only once it has committed.
    for (const event of held) await deps.events.publish(event);
    return result;
  }

  async function sectionFor(slug: string | undefined): Promise<NamedRef> {
    if (slug !== undefined) {
      const found = await deps.sections.findBySlug(slug);
      if (!found) throw new DomainError('SECTION_NOT_FOUND', 'There is no such section.', { section: slug });
      return { slug: found.slug, name: found.name };
    }
    // The editor moves the draft (and so its edition) with the Section select.
    const [first] = await deps.editions.list();
    const [section] = first ? await deps.sections.list(first.id) : [];
    return section ? { slug: section.slug, name: section.name } : FALLBACK_SECTION;
  }

  /** The byline's people as authors: the existing author of each name, else a new byline-only one. */
  async function authorsOf(item: WireItem): Promise<NamedRef[]> {
    const agencies = [item.agency ?? '', item.creditline ?? '', wireAgencyCredit(item, wireLeadDateline(item))];
    return bylineAuthors(deps.authors, bylineNames(item.byline, agencies));
  }

  async function findArticle(articles: DeskTransaction['articles'], ref: string): Promise<ArticleState | null> {
    const byId = await articles.findState(ref);
    if (byId) return byId;
    const id = await articles.findIdBySlug(ref);
    return id ? articles.findState(id) : null;
  }

  /** A new draft from the item, with the agency as its source; the item is marked used by it. */
  async function useItem(actor: StaffUser, itemId: string, options: { section?: string } = {}): Promise<{ storyId: string; slug: string }> {
    const item = await itemFor(actor, itemId, 'use');
    const [section, topics, authors] = await Promise.all([sectionFor(options.section), deps.suggestTopics(item.id), authorsOf(item.item)]);
    const fields = articleFieldsFromWire(item.item, section, topics.ok ? topics.value : [], authors);
    return inTransaction(async (tx) => {
      const story = await tx.newsroom.createArticle(actor, fields);
      await moveItem(tx.items, item.id, 'use', story.id);
      return { storyId: story.id, slug: story.slug };
    });
  }

  /**
   * The item's paragraphs the story (by id or slug) lacks, added to it: a published story gets a public update
   * naming the agency, any other is saved. The item is marked used by the story.
   */
  async function addToStory(actor: StaffUser, itemId: string, story: string): Promise<{ storyId: string; action: 'update' | 'save' }> {
    const item = await itemFor(actor, itemId, 'add-to-story');
    return inTransaction(async (tx) => {
      const target = await findArticle(tx.articles, story);
      // A story the actor may not read is "not found" too: nothing about it (not even whether it has the paragraphs) shows.
      if (!target || !canReadArticle('edit', actor, target)) throw new DomainError('ARTICLE_NOT_FOUND', `No story matches “${story}”. Paste its address (/article/…) or its id.`, { story });
      const { body, added } = bodyWithWireUpdate(target.fields.body, item.item);
      if (added === 0) throw new DomainError('VALIDATION_FAILED', 'The story already has every paragraph of this item.', { storyId: target.id });
      const action = target.status === 'published' ? 'update' : 'save';
      await tx.newsroom.act(actor, target.id, {
        action, fields: { ...target.fields, body }, autosave: false, scheduledAt: null, expectedVersion: target.version,
        note: action === 'update' ? `Updated with reporting from ${item.item.agency ?? 'an agency'}.` : null,
      });
      await moveItem(tx.items, item.id, 'add-to-story', target.id);
      return { storyId: target.id, action };
    });
  }

  /** Spiking and bringing back change the item alone: one conditional update, no transaction needed. */
  async function setAside(actor: StaffUser, itemId: string, action: 'spike' | 'restore'): Promise<void> {
    const item = await itemFor(actor, itemId, action);
    await moveItem(deps.items, item.id, action, null);
  }

  return {
    useItem,
    addToStory,
    spikeItem: (actor: StaffUser, itemId: string) => setAside(actor, itemId, 'spike'),
    /** Puts a spiked item back in the queue. */
    restoreItem: (actor: StaffUser, itemId: string) => setAside(actor, itemId, 'restore'),
  };
}
