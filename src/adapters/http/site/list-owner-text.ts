/** @module What a list page and its feeds say about their owner (Latest, a section, topic or author): title, kicker, description, paths, in the edition's words. */
import type { ListOwner } from '../../../core/articles/reader-service.js';
import type { Edition } from '../../../core/editions/edition.js';
import { defaultEdition } from '../../../core/editions/edition-directory.js';
import { translatorFor, type Translate } from '../i18n/translate.js';
import { followAuthorButton, followButton, followSectionButton } from './components/article-parts.js';
import { editionPath, type PageAlternate } from './site-context.js';
import type { ListContext } from './list-page.js';

/** The edition a list is described in: its words, its path prefix and (for hreflang) every edition of the site. */
export interface ListEdition {
  edition: Edition;
  t: Translate;
  editions?: readonly Edition[];
}

/** A site of one English edition at / (what feeds and lists said before editions). */
const FIRST_EDITION = defaultEdition({ locale: 'en-GB', timeZone: 'UTC' });

export type OwnerText = Omit<ListContext, 'stories' | 'nextCursor' | 'isFirstPage'> & { tag: string };

/**
 * Title, kicker, description, path, feed, cache tag and alternates of a list's owner. `site` is the page's
 * edition (a SiteContext will do); without it, the first edition in English.
 */
export function describeOwner(owner: ListOwner, siteName: string, site: ListEdition = { edition: FIRST_EDITION, t: translatorFor(FIRST_EDITION) }): OwnerText {
  const { t } = site;
  const at = (path: string) => editionPath(site, path);
  // Latest, topics and authors have a page in every edition; a section belongs to one.
  const everywhere = (path: string): PageAlternate[] =>
    (site.editions ?? []).filter((e) => e.id !== site.edition.id).map((edition) => ({ edition, path: editionPath({ edition }, path) }));
  switch (owner.kind) {
    case 'latest':
      return { title: t('owner.latest'), kicker: null, description: t('owner.latestDescription', { site: siteName }), path: at('/latest'), feedPath: at('/feed.xml'), tag: 'home', alternates: everywhere('/latest') };
    case 'section': {
      const base = `/section/${encodeURIComponent(owner.section.slug)}`;
      return {
        title: owner.section.name, kicker: t('owner.section'), description: t('owner.sectionDescription', { section: owner.section.name, site: siteName }),
        path: at(base), feedPath: at(`${base}/feed.xml`), tag: `section:${owner.section.slug}`, actions: followSectionButton(t, owner.section),
      };
    }
    case 'topic': {
      const base = `/topic/${encodeURIComponent(owner.topic.slug)}`;
      return {
        title: owner.topic.name, kicker: t('owner.topic', { kind: owner.topic.kind }), description: t('owner.topicDescription', { topic: owner.topic.name, site: siteName }),
        path: at(base), feedPath: at(`${base}/feed.xml`), tag: `topic:${owner.topic.slug}`, actions: followButton(t, owner.topic), alternates: everywhere(base),
      };
    }
    case 'author': {
      const base = `/author/${encodeURIComponent(owner.author.slug)}`;
      return {
        title: owner.author.name, kicker: t('owner.author'), description: owner.author.bio ?? t('owner.authorDescription', { author: owner.author.name }),
        path: at(base), feedPath: at(`${base}/feed.xml`), tag: `author:${owner.author.slug}`, actions: followAuthorButton(t, owner.author), alternates: everywhere(base),
      };
    }
  }
}
