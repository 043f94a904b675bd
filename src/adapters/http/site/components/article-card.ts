/** @module A story in a list: thumbnail, headline link, highlight, section and update time; a story of another edition carries its lang and dir. */
import { articlePath, type ArticleSummary } from '../../../../core/articles/article.js';
import { html, type SafeHtml } from '../../html/html.js';
import { editionPath, type SiteContext } from '../site-context.js';
import { editionLanguage, storyDirection } from './bidi-text.js';
import { storyThumbnail, type StoryPhotos } from './story-thumbnail.js';
import { updateTime } from './update-time.js';

export interface CardOptions {
  headingLevel?: 2 | 3;
  showSection?: boolean;
  showHighlight?: boolean;
  variant?: 'lead' | 'top' | 'stream';
  /** Library photos by id: a story with a lead photo shows it as a thumbnail. */
  photos?: StoryPhotos;
  /** Load the thumbnail at once (the first on a page); every other waits until it nears the screen. */
  eager?: boolean;
  /** No thumbnails (a narrow rail). */
  noThumbnail?: boolean;
}

/** The path of a section page in the story's own edition (a story of another edition links to its section there). */
export function storySectionPath(site: SiteContext, story: Pick<ArticleSummary, 'section'> & { edition?: ArticleSummary['edition'] }): string {
  const path = `/section/${encodeURIComponent(story.section.slug)}`;
  return story.edition ? `${story.edition.pathPrefix}${path}` : editionPath(site, path);
}

export function articleCard(site: SiteContext, story: ArticleSummary, options: CardOptions = {}): SafeHtml {
  const level = options.headingLevel ?? 3;
  // An explicit direction isolates the headline: a stray bidi control in it cannot leak into the card.
  const link = html`<a href="${articlePath(story)}" dir="${storyDirection(site, story)}">${story.headline}</a>`;
  const heading = level === 2 ? html`<h2 class="card-headline">${link}</h2>` : html`<h3 class="card-headline">${link}</h3>`;
  const highlight = options.showHighlight !== false && story.highlights[0] ? html`<p class="card-highlight">${story.highlights[0]}</p>` : '';
  const section = options.showSection !== false ? html`<a class="card-section" href="${storySectionPath(site, story)}">${story.section.name}</a>` : '';
  // The headline, highlight and section are in the story's language; the time's label is in the page's.
  const foreign = editionLanguage(site, story);
  const time = updateTime(site, story.updatedAt);
  const thumbnail = options.noThumbnail ? '' : storyThumbnail(story, options.photos, { lazy: !options.eager });
  return html`<article class="card card-${options.variant ?? 'stream'}${thumbnail.toString() ? ' card-with-thumb' : ''}"${foreign}>
  ${thumbnail}
  ${heading}
  ${highlight}
  <p class="card-meta">${section} ${foreign.value ? html`<span lang="${site.edition.language}" dir="${site.edition.direction}">${time}</span>` : time}</p>
</article>`;
}

/** A list of cards; with `eager`, only the first card's thumbnail loads at once. */
export function articleList(site: SiteContext, stories: ArticleSummary[], options: CardOptions = {}): SafeHtml {
  return html`<ol class="story-list">${stories.map((s, i) => html`<li>${articleCard(site, s, { ...options, eager: options.eager === true && i === 0 })}</li>`)}</ol>`;
}
