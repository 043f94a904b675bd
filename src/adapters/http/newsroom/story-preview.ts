/** @module Preview: the story rendered by the reader site's own article page, from its saved state, whatever its status. */
import type { Article } from '../../../core/articles/article.js';
import type { StoryState } from '../../../core/workflow/newsroom-store.js';
import { renderArticlePage } from '../site/article-page.js';
import type { SiteContext } from '../site/site-context.js';
import type { NewsroomDeps } from './newsroom-deps.js';

export function articleOfState(state: StoryState, now: Date): Article {
  const f = state.fields;
  return {
    id: state.id, slug: state.slug, headline: f.headline || 'Untitled draft', highlights: f.highlights, dateline: f.dateline, body: f.body,
    lead: f.lead, section: f.section, topics: f.topics, authors: f.authors, source: f.source, status: state.status,
    firstPublishedAt: state.firstPublishedAt ?? now, updatedAt: state.updatedAt ?? now, updateNote: state.updateNote, minorEdit: false,
    shortCode: state.shortCode, leadMediaId: f.leadMediaId,
  };
}

export async function renderStoryPreview(deps: NewsroomDeps, state: StoryState): Promise<string> {
  const now = deps.clock.now();
  const site: SiteContext = {
    siteName: deps.settings.siteName, siteDescription: deps.settings.siteDescription, siteUrl: deps.settings.siteUrl,
    edition: { locale: deps.settings.locale, timeZone: deps.settings.timeZone },
    sections: (await deps.sections.list()).map(({ slug, name }) => ({ slug, name })), assets: deps.assets.urls, now,
  };
  const photoIds = [state.fields.leadMediaId, ...state.fields.body.map((b) => (b.type === 'image' ? b.mediaId : null))].filter((id): id is string => !!id);
  const photos = await deps.media.findMany(photoIds);
  return renderArticlePage(site, { article: articleOfState(state, now), next: null, related: [], photos });
}
