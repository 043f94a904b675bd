/** @module Tests for parseWireDocument: every wire and feed fixture, format detected from content, errors that name the file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, repositoryPath } from '../../../test/support/fixture-path.js';
import { parseWireDocument } from './parse-wire-file.js';

const FIXTURES = fixturePath();
const CAPTURE = 'news-stream-2025-01-17.txt';
const RECEIVED = new Date('2025-01-17T12:00:00Z');

/**
 * Fixtures that are not readable news items, and why. A receiver reports them with a clear error:
 * - LISTING_24 is a News Message whose four news items are placeholders ("....."): no headline, no body.
 * - LISTING_25 and LISTING_28 are fragments (a contentSet, a contentMeta) cut from an item to illustrate
 *   one part of it. They have no guid, so nothing could say which story or version they belong to; the
 *   NITF body of LISTING_25 is read by the NewsML-G2 parser test once it sits in a news item.
 * - ap_metadata_example is a metadata-only video item: subjects and assertions, no headline, no content.
 * - incomplete-fields.atom and missing-fields.atom each hold one entry with no title and no text.
 */
const NOT_NEWS: Record<string, RegExp> = {
  'LISTING_24_News_Message_conveying_a_complete_News_Package.xml': /news message with 4 news item\(s\), none readable/,
  'LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml': /fragment \(<contentSet>\)/,
  'LISTING_28_Illustrating_Located_Subject_and_Dateline.xml': /fragment \(<contentMeta>\)/,
  'ap_metadata_example.xml': /no headline and no body/,
  'incomplete-fields.atom': /none with a title or text/,
  'missing-fields.atom': /none with a title or text/,
};

function fixtureFiles(): string[] {
  const dirs = ['wire/newsml-g2', 'wire/newsml-g2/real', 'feeds'];
  const files = dirs.flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((f) => /\.(xml|rss|atom)$/i.test(f)).map((f) => `${dir}/${f}`));
  return [...files, CAPTURE];
}

/** A path under test/fixtures/, or the demo text capture (kept once, in demo/). */
function parseFixture(path: string) {
  const file = path === CAPTURE ? repositoryPath(`demo/${CAPTURE}`) : join(FIXTURES, path);
  return parseWireDocument(path.split('/').pop()!, readFileSync(file), RECEIVED);
}

describe('parseWireDocument over every fixture', () => {
  const files = fixtureFiles();
  const readable = files.filter((f) => !NOT_NEWS[f.split('/').pop()!]);

  it('covers every XML, feed and capture fixture', () => {
    expect(files.length).toBe(27);
  });

  it.each(readable)('reads %s', (path) => {
    const result = parseFixture(path);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (!result.ok) return;
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.headline).not.toBe('');
      expect(item.agencyId).not.toBe('');
    }
  });

  it.each(Object.entries(NOT_NEWS))('refuses %s with a clear error naming the file', (name, reason) => {
    const path = files.find((f) => f.endsWith(`/${name}`))!;
    const result = parseFixture(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.startsWith(`${name}: `)).toBe(true);
      expect(result.error).toMatch(reason);
    }
  });

  it('detects the format from the content, not the file name', () => {
    const feed = readFileSync(join(FIXTURES, 'feeds/heise.atom'));
    const result = parseWireDocument('misleading.json', feed, RECEIVED);
    expect(result.ok && result.items[0]?.format).toBe('atom');
    const ninjs = readFileSync(join(FIXTURES, 'wire/ninjs/2.1/ntb_text.json'));
    expect(parseWireDocument('story.xml', ninjs, RECEIVED)).toMatchObject({ ok: true, items: [{ format: 'ninjs' }] });
  });

  it('reads the invalid NewsML-G2 files like a lenient receiver, with a warning for each deviation', () => {
    const invalid = parseFixture('wire/newsml-g2/real/NewsML-G2-invalid01.xml');
    expect(invalid.ok).toBe(true);
    if (!invalid.ok) return;
    expect(invalid.warnings).toContain('NewsML-G2 schema: unknown attribute foo="…" on <header>; ignored');
    expect(invalid.warnings).toContain('NewsML-G2 schema: unknown element <animal> in <packageItem>; ignored');
    const nitf = parseFixture('wire/newsml-g2/real/NewsItem_with_NITF_invalid.xml');
    expect(nitf.ok && nitf.warnings).toEqual(['body markup not allowed by its schema (<dateline> inside <p>); its text was kept']);
    const valid = parseFixture('wire/newsml-g2/real/NewsItem_with_NITF.xml');
    expect(valid.ok && valid.warnings).toEqual([]);
  });

  it('reads the text capture with relative update times counted back from reception', () => {
    const result = parseFixture(CAPTURE);
    expect(result.ok && result.items).toHaveLength(6);
    if (!result.ok) return;
    expect(result.items[0]).toMatchObject({ format: 'text-capture', dateline: 'SEOUL', creditline: 'Sputnik/AFP' });
    expect(result.items[0]!.versionCreated!.getTime()).toBeLessThanOrEqual(RECEIVED.getTime());
  });

  it('keeps the same agency id across versions of one item', () => {
    const file = readFileSync(join(FIXTURES, 'wire/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml'), 'utf8');
    const v12 = file.replace('version="11"', 'version="12"').replace('<headline> Fed to halt QE', '<headline>Fed halts QE');
    const first = parseWireDocument('v11.xml', new TextEncoder().encode(file), RECEIVED);
    const second = parseWireDocument('v12.xml', new TextEncoder().encode(v12), RECEIVED);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.items[0]!.agencyId).toBe(first.items[0]!.agencyId);
    expect([first.items[0]!.version, second.items[0]!.version]).toEqual([11, 12]);
  });

  it('reads or refuses a document whose prolog is many comments at once (no backtracking blow-up without a DOCTYPE)', () => {
    // A WordPress export opens with 17 comments; with 60, a pattern that can match a prolog more than one way never ends.
    const prolog = `<?xml version="1.0" encoding="UTF-8"?>\n${'<!-- an exporter\'s note -- with dashes -->\n\n'.repeat(60)}`;
    const feed = '<rss version="2.0"><channel><title>Gazette</title><item><title>Снег · ثلج · 雪 🎉</title><guid>g-1</guid><description>Roads closed.</description></item></channel></rss>';
    const encode = (text: string) => new TextEncoder().encode(text);
    const read = parseWireDocument('export.xml', encode(prolog + feed), RECEIVED);
    expect(read.ok && read.items.map((item) => item.headline)).toEqual(['Снег · ثلج · 雪 🎉']);
    const broken = parseWireDocument('broken.xml', encode(prolog + feed.replace('</title><item>', '</titel><item>')), RECEIVED);
    expect(broken.ok ? 'read' : broken.error).toContain('malformed XML');
    const page = parseWireDocument('page.xml', encode(`${prolog}<!DOCTYPE html><html><body>Home</body></html>`), RECEIVED);
    expect(page.ok ? 'read' : page.error).toContain('HTML page');
    const internal = parseWireDocument('subset.xml', encode(`${prolog}<!DOCTYPE rss [<!ENTITY x "y">]>${feed}`), RECEIVED);
    expect(internal.ok ? 'read' : internal.error).toContain('refused');
  });
});
