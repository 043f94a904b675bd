/** @module Maps article rows to domain values and back (JSON columns parsed with zod). */
import { z } from 'zod';
import type { ArticleSource, ArticleSummary, BodyBlock, LeadImage } from '../../../core/articles/article.js';
import { pathPrefixOf, type EditionRef, type TextDirection } from '../../../core/editions/edition.js';
import { storedBodySchema } from '../../validation/body-block-schema.js';
import type { ArticlesTable } from '../database.js';

const highlightsSchema = z.array(z.string());

export function parseBody(json: string): BodyBlock[] {
  return storedBodySchema.parse(JSON.parse(json));
}

export function parseHighlights(json: string): string[] {
  return highlightsSchema.parse(JSON.parse(json));
}

export function toIso(date: Date): string {
  return date.toISOString();
}

export function fromIso(value: string): Date {
  return new Date(value);
}

export type LeadImageColumns = Pick<ArticlesTable,
  'lead_image_url' | 'lead_image_caption' | 'lead_image_credit' | 'lead_image_alt' | 'lead_image_width' | 'lead_image_height'>;

export function leadImageFromRow(row: LeadImageColumns): LeadImage | null {
  if (row.lead_image_caption === null && row.lead_image_url === null) return null;
  return {
    url: row.lead_image_url,
    caption: row.lead_image_caption ?? '',
    credit: row.lead_image_credit,
    alt: row.lead_image_alt ?? '',
    width: row.lead_image_width,
    height: row.lead_image_height,
  };
}

export function leadImageToRow(lead: LeadImage | null): LeadImageColumns {
  return {
    lead_image_url: lead?.url ?? null,
    lead_image_caption: lead?.caption ?? null,
    lead_image_credit: lead?.credit ?? null,
    lead_image_alt: lead?.alt ?? null,
    lead_image_width: lead?.width ?? null,
    lead_image_height: lead?.height ?? null,
  };
}

export function sourceFromRow(row: { source_kind: string; source_agency: string | null; source_wire_id: string | null }): ArticleSource {
  if (row.source_kind === 'agency' && row.source_agency) {
    return { kind: 'agency', agency: row.source_agency, wireId: row.source_wire_id };
  }
  return { kind: 'staff' };
}

export function sourceToRow(source: ArticleSource): { source_kind: string; source_agency: string | null; source_wire_id: string | null } {
  return source.kind === 'agency'
    ? { source_kind: source.kind, source_agency: source.agency, source_wire_id: source.wireId }
    : { source_kind: source.kind, source_agency: null, source_wire_id: null };
}

/** The columns a summary needs (no body). */
export const summaryColumns = [
  'articles.id',
  'articles.slug',
  'articles.headline',
  'articles.highlights',
  'articles.dateline',
  'articles.lead_image_url',
  'articles.lead_image_caption',
  'articles.lead_image_credit',
  'articles.lead_image_alt',
  'articles.lead_image_width',
  'articles.lead_image_height',
  'articles.lead_media_id',
  'articles.first_published_at',
  'articles.updated_at',
  'sections.slug as section_slug',
  'sections.name as section_name',
  'articles.edition_id',
  'editions.language as edition_language',
  'editions.direction as edition_direction',
  'editions.position as edition_position',
] as const;

/** The edition columns a story row carries (editions is LEFT JOINed: a row whose edition was never set up reads as the first). */
export interface EditionColumns {
  edition_id: string;
  edition_language: string | null;
  edition_direction: string | null;
  edition_position: number | null;
}

export function editionRefFromRow(row: EditionColumns): EditionRef {
  if (row.edition_language === null) return { id: row.edition_id, language: 'en', direction: 'ltr', pathPrefix: pathPrefixOf(row.edition_id, null) };
  return {
    id: row.edition_id, language: row.edition_language, direction: row.edition_direction as TextDirection,
    pathPrefix: pathPrefixOf(row.edition_id, row.edition_position),
  };
}

export interface SummaryRow extends LeadImageColumns, EditionColumns {
  id: string;
  slug: string;
  headline: string;
  highlights: string;
  dateline: string | null;
  first_published_at: string | null;
  updated_at: string | null;
  section_slug: string;
  section_name: string;
  lead_media_id: string | null;
}

export function summaryFromRow(row: SummaryRow): ArticleSummary {
  const updatedAt = fromIso(row.updated_at ?? row.first_published_at ?? '1970-01-01T00:00:00Z');
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    highlights: parseHighlights(row.highlights),
    dateline: row.dateline,
    lead: leadImageFromRow(row),
    leadMediaId: row.lead_media_id,
    section: { slug: row.section_slug, name: row.section_name },
    firstPublishedAt: row.first_published_at ? fromIso(row.first_published_at) : updatedAt,
    updatedAt,
    edition: editionRefFromRow(row),
  };
}

/** Keyset cursor over (updated_at, id), opaque to readers. */
export function encodeCursor(updatedAt: string, id: string): string {
  return Buffer.from(`${updatedAt}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { updatedAt: string; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar < 0) return null;
  const updatedAt = text.slice(0, bar);
  const id = text.slice(bar + 1);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(updatedAt) || !/^[\w-]{1,100}$/.test(id)) return null;
  return { updatedAt, id };
}
