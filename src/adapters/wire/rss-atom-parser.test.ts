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
});
