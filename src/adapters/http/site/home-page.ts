/** @module The home page of an edition: lead story, top stories, the latest stream and a block per section. */
import type { ArticleSummary, NamedRef } from '../../../core/articles/article.js';
import { html } from '../html/html.js';
import { articleCard, articleList } from './components/article-card.js';
import { leadImage } from './components/article-parts.js';
import { mostReadList } from './components/most-read-list.js';
import type { StoryPhotos } from './components/story-thumbnail.js';
import { everyEditionAlternates, renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

export interface HomeContext {
  latest: ArticleSummary[];
  sectionBlocks: { section: NamedRef; stories: ArticleSummary[] }[];
  /** The library photos behind the stories' lead images: the lead's photo and the thumbnails. */
  photos?: StoryPhotos;
  /** The edition's most read stories of the last 24 hours. */
  mostRead?: ArticleSummary[];
}

export function renderHomePage(site: SiteContext, ctx: HomeContext): string {
  const { t } = site;
  const [lead, ...rest] = ctx.latest;
  const top = rest.slice(0, 4);
  const stream = rest.slice(4);
  const { photos } = ctx;
  // The lead's photo (above its headline, as a front page sets it) is the page's largest picture and loads at once; every thumbnail below it waits until it nears the screen.
  const leadPhoto = lead?.leadMediaId ? (photos?.get(lead.leadMediaId) ?? null) : null;
  const main = lead
    ? html`<h1 class="visually-hidden">${t('home.heading', { site: site.siteName })}</h1>
<div class="home-grid">
  <section class="home-lead" aria-label="${t.html('home.leadStory')}">
    ${lead.lead?.url ? leadImage(lead.lead, leadPhoto) : ''}
    ${articleCard(site, lead, { headingLevel: 2, variant: 'lead', noThumbnail: true })}
    ${lead.lead && !lead.lead.url ? leadImage(lead.lead) : ''}
  </section>
  <section class="home-top" aria-labelledby="top-h">
    <h2 id="top-h" class="block-title">${t.html('home.topStories')}</h2>
    ${articleList(site, top, { variant: 'top', photos })}
  </section>
  <section class="home-latest" aria-labelledby="latest-h">
    <h2 id="latest-h" class="block-title">${t.html('home.latest')}</h2>
    ${stream.length ? articleList(site, stream, { showHighlight: false, photos }) : html`<p>${t.html('home.noMore')}</p>`}
    <p class="more"><a href="${editionPath(site, '/latest')}">${t.html('home.allLatest')}</a></p>
  </section>
  ${mostReadList(site, ctx.mostRead ?? [])}
</div>
${ctx.sectionBlocks.filter((b) => b.stories.length > 0).map((b) => html`<section class="section-block" aria-labelledby="sec-${b.section.slug}">
  <h2 class="block-title" id="sec-${b.section.slug}"><a href="${editionPath(site, `/section/${encodeURIComponent(b.section.slug)}`)}">${b.section.name}</a></h2>
  ${articleList(site, b.stories, { showSection: false, photos })}
</section>`)}`
    : html`<h1>${site.siteName}</h1><p>${t.html('home.empty')}</p>`;
  return renderPage(site, {
    title: site.siteName,
    description: site.siteDescription,
    path: editionPath(site, '/'),
    feeds: [{ title: site.siteName, path: editionPath(site, '/feed.xml') }],
    alternates: everyEditionAlternates(site, '/'),
  }, main);
}
