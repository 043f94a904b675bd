/**
 * @module An edition's static pages (About, Contact, Corrections policy, Privacy): their kinds and addresses, who edits
 * them, and the plain text the newsroom writes them in (blank lines between blocks, "## " headings, "- " lists,
 * [text](https://…) or [text](/path) links) to and from the article body's blocks, which the reader site renders with the body renderer.
 */
import type { BodyBlock, TextRun } from '../articles/article.js';
import type { Role } from '../staff/staff-user.js';

export const SITE_PAGE_KINDS = ['about', 'contact', 'corrections-policy', 'privacy'] as const;
export type SitePageKind = (typeof SITE_PAGE_KINDS)[number];

export function isSitePageKind(value: string): value is SitePageKind {
  return (SITE_PAGE_KINDS as readonly string[]).includes(value);
}

export interface SitePage {
  edition: string;
  kind: SitePageKind;
  title: string;
  body: BodyBlock[];
  updatedAt: Date;
  updatedBy: string | null;
}

/** Editors and admins edit the pages (they speak for the publication); writers do not. */
export const SITE_PAGE_EDITORS: readonly Role[] = ['editor', 'admin'];

export function canEditSitePages(staff: { role: Role }): boolean {
  return SITE_PAGE_EDITORS.includes(staff.role);
}

export const MAX_SITE_PAGE_TITLE = 120;
export const MAX_SITE_PAGE_TEXT = 20_000;

const LINK = /\[([^\]\n]{1,300})\]\(((?:https?:\/\/|mailto:|\/(?![/\\]))[^\s)]{0,500})\)/g;

/** A paragraph's text with [text](url) links as runs (http, https, mailto and site paths only; anything else stays text). */
function runsOf(text: string): { text: string; runs?: TextRun[] } {
  const runs: TextRun[] = [];
  let plain = '';
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const before = text.slice(at, match.index);
    if (before) runs.push({ text: before });
    runs.push({ text: match[1]!, href: match[2]! });
    plain += before + match[1]!;
    at = match.index + match[0].length;
  }
  if (runs.length === 0) return { text };
  const rest = text.slice(at);
  if (rest) runs.push({ text: rest });
  return { text: plain + rest, runs };
}

export function pageTextToBlocks(text: string): BodyBlock[] {
  return text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((chunk) => chunk.trim()).filter(Boolean).map((chunk): BodyBlock => {
    const heading = /^(#{2,3})\s+(.+)$/s.exec(chunk);
    if (heading) return { type: 'heading', level: heading[1]!.length as 2 | 3, text: heading[2]!.replace(/\s+/g, ' ') };
    const lines = chunk.split('\n');
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) return { type: 'list', ordered: false, items: lines.map((l) => l.replace(/^\s*[-*]\s+/, '').trim()) };
    return { type: 'paragraph', ...runsOf(lines.map((l) => l.trim()).join(' ')) };
  });
}

/** The text the newsroom's form shows for stored blocks (the inverse of pageTextToBlocks for what it makes). */
export function blocksToPageText(blocks: readonly BodyBlock[]): string {
  return blocks.map((block) => {
    switch (block.type) {
      case 'heading': return `${'#'.repeat(block.level)} ${block.text}`;
      case 'list': return block.items.map((item) => `- ${item}`).join('\n');
      case 'paragraph': return block.runs ? block.runs.map((r) => (r.href ? `[${r.text}](${r.href})` : r.text)).join('') : block.text;
      case 'quote': return block.text;
      default: return '';
    }
  }).filter(Boolean).join('\n\n');
}
