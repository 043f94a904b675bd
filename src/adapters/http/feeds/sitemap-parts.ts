/** @module The sitemap protocol's size limits and how a long list is cut into files that keep within them, with stable file names. */

/** At most this many URLs in one sitemap file (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;
/** At most this many bytes in one uncompressed sitemap file (sitemaps.org protocol: 50 MB). */
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/** At most this many URLs in one Google News sitemap file. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;

export interface SitemapLimits {
  maxUrls: number;
  maxBytes: number;
  /** Bytes of the file around its lines (declaration, root element). */
  wrapperBytes: number;
}

/** A part of a list: lines [start, end). */
export interface PartRange {
  start: number;
  end: number;
}

/**
 * Cuts lines (one URL each) into consecutive parts, each within both limits once wrapped. Always at least one
 * part, so an empty list is still one (empty) file. Earlier lines never move when lines are added at the end.
 */
export function splitSitemapLines(lines: readonly string[], limits: SitemapLimits): PartRange[] {
  const parts: PartRange[] = [];
  let start = 0;
  let bytes = limits.wrapperBytes;
  lines.forEach((line, i) => {
    const size = Buffer.byteLength(line, 'utf8');
    if (i > start && (i - start >= limits.maxUrls || bytes + size > limits.maxBytes)) {
      parts.push({ start, end: i });
      start = i;
      bytes = limits.wrapperBytes;
    }
    bytes += size;
  });
  parts.push({ start, end: lines.length });
  return parts;
}

const MONTH_PART_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,4}))?\.xml$/;

/** The file of one part of a month: `2026-12.xml` for the first (the name it had before months were split), then `2026-12-2.xml` … */
export function monthPartFile(month: string, part: number): string {
  return part === 1 ? `${month}.xml` : `${month}-${part}.xml`;
}

/** The month and part a file name names; null for anything monthPartFile would not write (`2026-12-1.xml` included). */
export function parseMonthPartFile(file: string): { month: string; part: number } | null {
  const match = MONTH_PART_FILE.exec(file);
  if (!match) return null;
  return { month: match[1] ?? '', part: match[2] ? Number(match[2]) : 1 };
}

const NEWS_PART_FILE = /^([1-9]\d{0,4})\.xml$/;

export function parseNewsPartFile(file: string): number | null {
  const match = NEWS_PART_FILE.exec(file);
  return match ? Number(match[1]) : null;
}

/**
 * Bytes a story's <url> line can take besides its URL's base and slug: the tags and a 24-character lastmod,
 * rounded up. A slug's code point takes at most 12 bytes once percent-encoded and XML-escaped (4 UTF-8 bytes, %XX each).
 */
const URL_LINE_OVERHEAD = 96;
const MAX_BYTES_PER_SLUG_CHAR = 12;

/**
 * Whether a month surely fits one file, from its counts alone: no story with translations (whose alternates make
 * lines long) and every line at its longest still within the byte limit. When unsure, the month is measured.
 */
export function surelyFitsOneFile(month: { count: number; longestSlug: number; translated: number }, urlBaseBytes: number, limits: SitemapLimits): boolean {
  if (month.translated > 0 || month.count > limits.maxUrls) return false;
  const longestLine = URL_LINE_OVERHEAD + urlBaseBytes + MAX_BYTES_PER_SLUG_CHAR * month.longestSlug;
  return limits.wrapperBytes + month.count * longestLine <= limits.maxBytes;
}
