/** @module Mixed-direction text: untrusted names isolated in <bdi>, stories of another edition marked with their lang and dir. */
import type { EditionRef } from '../../../../core/editions/edition.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { SiteContext } from '../site-context.js';

/**
 * Text whose language the page cannot know (a name, a caption, a query) in its own bidi isolate: a Latin
 * name on an Arabic page (or the reverse, or a stray U+202E) cannot reorder the words around it.
 * `direction` is given where the text's direction is known (a headline, from its story's edition).
 */
export function isolate(text: string, direction?: 'ltr' | 'rtl'): SafeHtml {
  return direction ? html`<bdi dir="${direction}">${text}</bdi>` : html`<bdi>${text}</bdi>`;
}

/** ` lang="…" dir="…"` for a story of another edition than the page's (a card on the Following page), else nothing. */
export function editionLanguage(site: Pick<SiteContext, 'edition'>, story: { edition?: EditionRef }): SafeHtml {
  const own = story.edition;
  if (!own || own.id === site.edition.id) return html``;
  return html` lang="${own.language}" dir="${own.direction}"`;
}

/** The direction of a story's text: its edition's, else the page's. */
export function storyDirection(site: Pick<SiteContext, 'edition'>, story: { edition?: EditionRef }): 'ltr' | 'rtl' {
  return story.edition?.direction ?? site.edition.direction;
}
