/**
 * @module Real agency files through the production parse path: each file of test/fixtures/wire/agency/expected.json
 * (dpa, AP, Reuters, ANSA, STT, NTB, AAP, EFE, PA, IPTC, Superdesk ninjs, RSS and Atom) read by parseWireDocument and
 * compared with what a reader of the file sees in it. Prints the per-format table once.
 */
import { readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { bodyText, type BodyBlock } from '../../src/core/articles/article.js';
import type { WireItem } from '../../src/core/wire/wire-item.js';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { fixturePath } from '../support/fixture-path.js';

interface Expected {
  file: string;
  format: string;
  item?: number;
  items?: number;
  refused?: string;
  headline?: string;
  first?: string | null;
  paragraphs?: number | null;
  byline?: string | null;
  dateline?: string | null;
  agency?: string | null;
  version?: number;
  summary?: string;
  firstCreated?: string;
  versionCreated?: string;
  photos?: number;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  htmlIncludes?: string[];
  subjectsInclude?: string[];
}

const table = JSON.parse(readFileSync(fixturePath('wire/agency/expected.json'), 'utf8')) as { files: Expected[] };
const RECEIVED = new Date('2026-01-01T00:00:00Z');

/** Blocks that carry running text: paragraphs, quotes and the line-kept HTML blocks (pre, tables, <br> text). */
function textBlocks(body: readonly BodyBlock[]): BodyBlock[] {
  return body.filter((b) => b.type === 'paragraph' || b.type === 'html' || b.type === 'quote');
}

function blockText(block: BodyBlock): string {
  if (block.type === 'html') return decodeHTML(block.html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));
  return block.type === 'paragraph' || block.type === 'quote' ? block.text : '';
}

/** What is wrong with one parsed item against its row: [] when it is right. */
function mismatches(item: WireItem, e: Expected): string[] {
  const wrong: string[] = [];
  const same = (what: string, actual: unknown, expected: unknown): void => {
    if (expected !== undefined && actual !== expected) wrong.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  const texts = textBlocks(item.body);
  same('format', item.format, e.format);
  same('headline', item.headline, e.headline);
  if (e.first === null && texts.length > 0) wrong.push(`first: expected no text, got ${JSON.stringify(blockText(texts[0]!).slice(0, 80))}`);
  if (e.first && !blockText(texts[0] ?? { type: 'paragraph', text: '' }).startsWith(e.first)) wrong.push(`first: expected "${e.first}…", got ${JSON.stringify(blockText(texts[0] ?? { type: 'paragraph', text: '' }).slice(0, 120))}`);
  if (e.paragraphs !== null) same('paragraphs', texts.length, e.paragraphs);
  same('byline', item.byline, e.byline);
  same('dateline', item.dateline, e.dateline);
  same('agency', item.agency, e.agency);
  same('version', item.version, e.version);
  same('summary', item.summary, e.summary);
  same('firstCreated', item.firstCreated?.toISOString(), e.firstCreated);
  same('versionCreated', item.versionCreated?.toISOString(), e.versionCreated);
  same('photos', item.photos.length, e.photos);
  const text = bodyText(item.body);
  for (const part of e.bodyIncludes ?? []) if (!texts.map(blockText).join('\n').includes(part)) wrong.push(`body lacks "${part}"`);
  for (const part of e.bodyExcludes ?? []) if (text.includes(part) || (item.summary ?? '').includes(part)) wrong.push(`body has "${part}"`);
  const html = item.body.flatMap((b) => (b.type === 'html' ? [b.html] : [])).join('');
  for (const part of e.htmlIncludes ?? []) if (!html.includes(part)) wrong.push(`html lacks "${part}"`);
  const names = item.subjects.map((s) => s.name);
  for (const name of e.subjectsInclude ?? []) if (!names.includes(name)) wrong.push(`subjects lack "${name}" (${names.join(', ')})`);
  // Whatever the file: never a QCode shown as a name, never an escaped tag in the text.
  const codes = names.filter((n) => /^[\w-]+:[\w.-]+$/.test(n));
  if (codes.length > 0) wrong.push(`codes shown as subjects: ${codes.join(', ')}`);
  if (item.dateline && /^[\w-]+:\S+$/.test(item.dateline)) wrong.push(`code shown as dateline: ${item.dateline}`);
  const tags = item.body.flatMap((b) => (b.type === 'paragraph' || b.type === 'quote' || b.type === 'heading' ? [b.text] : [])).filter((t) => /<\/?[A-Za-z][\w.:-]*>/.test(t));
  if (tags.length > 0) wrong.push(`escaped tags in text: ${tags[0]!.slice(0, 80)}`);
  return wrong;
}

interface Row { files: number; right: number; wrong: number; refused: string[] }

describe('real agency files (test/fixtures/wire/agency)', () => {
  const summary = new Map<string, Row>();
  const outcomes = table.files.map((e) => {
    const result = parseWireDocument(e.file.split('/').pop()!, readFileSync(fixturePath(e.file)), RECEIVED);
    let wrong: string[];
    if (e.refused !== undefined) {
      wrong = result.ok ? ['read, but the file should be refused'] : new RegExp(e.refused).test(result.error) ? [] : [`refused for another reason: ${result.error}`];
    } else if (!result.ok) {
      wrong = [`refused: ${result.error}`];
    } else {
      const item = result.items[e.item ?? 0];
      wrong = item ? mismatches(item, e) : [`no item ${e.item ?? 0}`];
      if (e.items !== undefined && result.items.length !== e.items) wrong.push(`items: expected ${e.items}, got ${result.items.length}`);
    }
    const row = summary.get(e.format) ?? { files: 0, right: 0, wrong: 0, refused: [] };
    row.files += 1;
    if (wrong.length > 0) row.wrong += 1;
    else if (e.refused !== undefined && !result.ok) row.refused.push(result.error.replace(/^[^:]*: /, ''));
    else row.right += 1;
    summary.set(e.format, row);
    return { e, wrong };
  });

  it('covers NewsML-G2, standalone NITF, ninjs (uri and guid dialects), RSS and Atom from at least ten agencies', () => {
    expect(new Set(table.files.map((e) => e.format))).toEqual(new Set(['newsml-g2', 'nitf', 'ninjs', 'rss', 'atom', 'newsml-1']));
    const agencies = new Set(table.files.map((e) => e.agency).filter(Boolean));
    for (const agency of ['dpa', 'AP', 'Reuters', 'ANSA', 'STT', 'AAP', 'EFE', 'PA Media', 'NTB', 'BusinessDesk']) expect(agencies).toContain(agency);
  });

  it.each(outcomes.map((o) => [o.e.file + (o.e.item ? ` #${o.e.item}` : ''), o] as const))('%s', (_, { wrong }) => {
    expect(wrong).toEqual([]);
  });

  it('reports the table per format', () => {
    const lines = ['format      files  right  wrong  refused (reason)'];
    for (const [format, row] of [...summary].sort()) {
      lines.push(`${format.padEnd(11)} ${String(row.files).padStart(5)}  ${String(row.right).padStart(5)}  ${String(row.wrong).padStart(5)}  ${row.refused.length}${row.refused.length ? ` (${row.refused.join('; ')})` : ''}`);
    }
    console.log(`Agency corpus, parsed by parseWireDocument:\n${lines.join('\n')}`);
    expect([...summary.values()].reduce((n, row) => n + row.wrong, 0)).toBe(0);
  });
});
