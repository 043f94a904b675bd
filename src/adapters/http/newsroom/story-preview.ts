/** @module Preview: the story rendered by the reader site's own article page, from its saved state, whatever its status, in its edition and direction. */
import { articlePath, type Article, type Translation } from '../../../core/articles/article.js';
import type { Edition, EditionRef } from '../../../core/editions/edition.js';
import type { ArticleState, TranslationMember } from '../../../core/articles/article-workflow-store.js';
import { translatorFor } from '../i18n/translate.js';
import { renderArticlePage } from '../site/article-page.js';
import type { PageAlternate, SiteContext } from '../site/site-context.js';
import type { NewsroomDeps } from './newsroom-deps.js';

const refOf = ({ id, language, direction, pathPrefix }: EditionRef): EditionRef => ({ id, language, direction, pathPrefix });

/** A story never published has no public times: the preview shows none rather than "Updated 0 sec ago". */
export function articleOfState(state: ArticleState, edition: EditionRef, translations: Translation[]): Article {
  const f = state.fields;
  return {
    id: state.id, slug: state.slug, headline: f.headline || 'Untitled draft', highlights: f.highlights, dateline: f.dateline, body: f.body,
    lead: f.lead, section: f.section, topics: f.topics.filter((t) => t.accepted !== false), authors: f.authors, source: f.source, status: state.status,
    firstPublishedAt: state.firstPublishedAt, updatedAt: state.updatedAt, updateNote: state.updateNote, minorEdit: false,
    shortCode: state.shortCode, leadMediaId: f.leadMediaId, edition: refOf(edition), translations,
  };
}

/** The story's edition as this process knows it; the first edition if it was never set up here (a story of a removed edition). */
export function editionOfState(deps: Pick<NewsroomDeps, 'editions'>, state: Pick<ArticleState, 'edition'>): Edition {
  return deps.editions.byId(state.edition) ?? deps.editions.first();
}

export async function renderStoryPreview(deps: NewsroomDeps, state: ArticleState, translations: readonly TranslationMember[]): Promise<string> {
  const now = deps.clock.now();
  const edition = editionOfState(deps, state);
  const site: SiteContext = {
    siteName: deps.settings.siteName, siteDescription: deps.settings.siteDescription, siteUrl: deps.settings.siteUrl,
    edition, editions: deps.editions.all(), t: translatorFor(edition),
    sections: (await deps.sections.list(edition.id)).map(({ slug, name }) => ({ slug, name })), assets: deps.assets.urls, now,
  };
  // Readers see only published translations; so does the preview.
  const published = translations.filter((t) => t.status === 'published' && t.id !== state.id);
  const alternates: PageAlternate[] = published.flatMap((t) => {
    const other = deps.editions.byId(t.edition.id);
    return other ? [{ edition: other, path: articlePath(t) }] : [];
  });
  const article = articleOfState(state, edition, published.map((t) => ({ edition: refOf(t.edition), slug: t.slug, headline: t.headline })));
  const photoIds = [state.fields.leadMediaId, ...state.fields.body.map((b) => (b.type === 'image' ? b.mediaId : null))].filter((id): id is string => !!id);
  const photos = await deps.media.findMany(photoIds);
  return renderArticlePage(site, { article, next: null, related: [], photos, alternates, preview: true });
}
