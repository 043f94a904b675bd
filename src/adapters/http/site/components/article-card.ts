/** @module A story in a list: headline link, highlight, section and update time. */
import { articlePath, type ArticleSummary } from '../../../../core/articles/article.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { SiteContext } from '../site-context.js';
import { updateTime } from './update-time.js';

export interface CardOptions {
  headingLevel?: 2 | 3;
  showSection?: boolean;
  showHighlight?: boolean;
  variant?: 'lead' | 'top' | 'stream';
}

export function articleCard(site: SiteContext, story: ArticleSummary, options: CardOptions = {}): SafeHtml {
  const level = options.headingLevel ?? 3;
  const link = html`<a href="${articlePath(story)}">${story.headline}</a>`;
  const heading = level === 2 ? html`<h2 class="card-headline">${link}</h2>` : html`<h3 class="card-headline">${link}</h3>`;
  const highlight = options.showHighlight !== false && story.highlights[0] ? html`<p class="card-highlight">${story.highlights[0]}</p>` : '';
  const section = options.showSection !== false
    ? html`<a class="card-section" href="/section/${encodeURIComponent(story.section.slug)}">${story.section.name}</a>`
    : '';
  return html`<article class="card card-${options.variant ?? 'stream'}">
  ${heading}
  ${highlight}
  <p class="card-meta">${section} ${updateTime(site, story.updatedAt)}</p>
</article>`;
}

export function articleList(site: SiteContext, stories: ArticleSummary[], options: CardOptions = {}): SafeHtml {
  return html`<ol class="story-list">${stories.map((s) => html`<li>${articleCard(site, s, options)}</li>`)}</ol>`;
}
