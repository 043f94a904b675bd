/** @module Tests for the RSS 2.0, RSS 1.0 and Atom parser against real feeds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/fixture-path.js';
import { FEED_RAW_ELEMENTS, FEED_ROOTS, parseFeed } from './rss-atom-parser.js';
import { parseSafeXml } from './safe-xml.js';
import { decodeWireBytes } from './wire-bytes.js';

function parseFile(name: string) {
  const decoded = decodeWireBytes(readFileSync(fixturePath(`feeds/${name}`)));
  if (!decoded.ok) throw new Error(decoded.error);
  const root = /<(rss|rdf:RDF|feed)[\s>]/.exec(decoded.text)![1]!.replace('rdf:', '');
  const parsed = parseSafeXml(decoded.text, FEED_RAW_ELEMENTS[FEED_ROOTS[root]!]);
  if (!parsed.ok) throw new Error(parsed.error);
  const result = parseFeed(parsed.root, parsed.node);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseFeed', () => {
  it('reads RSS 2.0: guid as id, link, author, categories with their domain, HTML description as paragraphs', () => {
    const { items } = parseFile('guardian.rss');
    expect(items).toHaveLength(55);
    expect(items[0]).toMatchObject({ format: 'rss', agency: 'The Guardian', byline: 'David Smith in Washington', language: 'en-gb', headline: 'Trump State of the Union address promised unity but emphasized discord' });
    expect(items[0]!.subjects[0]).toEqual({ name: 'Donald Trump', code: null, scheme: 'https://www.theguardian.com/us-news/donaldtrump' });
    expect(items[0]!.photos.length).toBeGreaterThan(0);
  });

  it('reads content:encoded before the description, keeping inline formatting', () => {
    const { items } = parseFile('instant-article.rss');
    expect(items[0]).toMatchObject({ summary: 'Lorem ipsum', body: [{ type: 'paragraph', text: 'Lorem ipsum', runs: [{ text: 'Lorem', bold: true }, { text: ' ipsum' }] }] });
  });

  it('reads RSS 1.0 (RDF), whose items sit beside the channel', () => {
    const { items } = parseFile('rss-1.rss');
    expect(items[0]).toMatchObject({ format: 'rss1', headline: 'Food for fungi', byline: 'Hines, P. J.' });
  });

  it('reads Atom: id, alternate link, published and updated, summary and content', () => {
    const { items } = parseFile('heise.atom');
    expect(items[0]).toMatchObject({ format: 'atom', agencyId: 'http://heise.de/-3088438', headline: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei' });
    expect(items[0]!.versionCreated?.toISOString()).toBe('2016-02-01T16:54:50.000Z');
  });

  it('reads a declared ISO-8859-1 feed with its accents', () => {
    expect(parseFile('encoding.rss').items[0]!.headline).toBe('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('decodes references escaped twice in titles, and takes neither a tracking pixel nor every rendition for a photo', () => {
    const xml = `<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Reuters: World News</title><item><guid>g1</guid>
      <title>Bitcoin tops &amp;#x0024;4300 &amp;#8212; مرحبا 你好</title>
      <description>&lt;p&gt;Text.&lt;/p&gt;&lt;img src="http://feeds.feedburner.com/~r/x/~4/a" height="1" width="1" alt=""/&gt;</description>
      <enclosure url="https://x.test/pixel.gif" type="image/gif" width="1" height="1"/>
      <media:group><media:content medium="image" url="https://x.test/s.jpg" width="300" height="169"/><media:content medium="image" url="https://x.test/l.jpg" width="1100" height="619"/></media:group>
    </item></channel></rss>`;
    const parsed = parseSafeXml(xml, FEED_RAW_ELEMENTS.rss);
    if (!parsed.ok) throw new Error(parsed.error);
    const result = parseFeed(parsed.root, parsed.node);
    expect(result).toMatchObject({ ok: true, items: [{ agency: 'Reuters', headline: 'Bitcoin tops $4300 — مرحبا 你好', body: [{ type: 'paragraph', text: 'Text.' }] }] });
    expect(result.ok && result.items[0]!.photos.map((p) => p.href)).toEqual(['https://x.test/l.jpg']);
  });
});
