/** @module The port through which the wire desk writes a story and its wire item together: stores bound to one transaction. */
import type { ArticleStore } from '../articles/article-store.js';
import type { SectionStore } from '../sections/section-store.js';
import type { WireStore } from './wire-store.js';

/** The stores a desk action reads and writes, every one on the same transaction. */
export interface WireDeskStores {
  articles: ArticleStore;
  sections: Pick<SectionStore, 'findBySlug'>;
  items: Pick<WireStore, 'find' | 'setStatus'>;
}

/**
 * Runs `work` over stores bound to one transaction: what it wrote commits when it resolves, and nothing
 * of it when it throws. Stores used inside must join this transaction rather than open their own.
 */
export type WireDeskTransaction = <T>(work: (stores: WireDeskStores) => Promise<T>) => Promise<T>;
