/** @module Tests for the ninjs parser against the IPTC, AP, dpa, NTB, TT, SIPA and Business Wire examples. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/fixture-path.js';
import { bodyText } from '../../core/articles/article.js';
import { parseNinjs } from './ninjs-parser.js';

const ROOT = fixturePath('wire/ninjs');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

function parseFixture(path: string) {
  return parseNinjs(JSON.parse(readFileSync(join(ROOT, path), 'utf8')));
}

function firstItem(path: string) {
  const result = parseFixture(path);
  if (!result.ok) throw new Error(result.error);
  return result.items[0]!;
}

describe('parseNinjs', () => {
  const items = jsonFiles(ROOT).map((path) => relative(ROOT, path)).filter((path) => !path.endsWith('extension-schema.json'));

  it.each(items)('reads %s', (path) => {
    const result = parseFixture(path);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (!result.ok) return;
    for (const item of result.items) {
      expect(item.format).toBe('ninjs');
      expect(item.agencyId).not.toBe('');
      expect(item.headline).not.toBe('');
    }
  });

  it('refuses the JSON schema shipped beside the examples: it is JSON but not a news item', () => {
    const result = parseFixture('2.1/schema-extension/extension-schema.json');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/not ninjs/);
  });

  it('reads ninjs 1.x: body_xhtml, located, byline, subjects and the associated photo', () => {
    const item = firstItem('1.4/ninjsExComplex1.json');
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.dateline).toBe('Grossetto, Italy');
    expect(item.byline).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(item.body).toHaveLength(4);
    expect(item.subjects).toContainEqual({ name: 'Italy', code: 'it', scheme: 'http://cvx.iptc.org/iso3166-1a2/' });
    expect(item.photos[0]).toMatchObject({ href: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg', width: 429, height: 281 });
    expect(item.photos[0]?.caption).toMatch(/^The Costa Concordia cruise ship lies on its side/);
  });

  it('reads ninjs 2.x and 3.0 alike (lower-case and camelCase keys give the same item)', () => {
    const two = firstItem('2.1/ntb_text.json');
    const three = firstItem('3.0/ntb_text.json');
    expect(three).toEqual(two);
    expect(two).toMatchObject({ agencyId: 'urn:8d19cf88-b3ab-4972-8fec-1207599f2872', version: 6, urgency: 5, language: 'nb-NO', slugline: 'skien-google', agency: 'NTB' });
    expect(two.versionCreated?.toISOString()).toBe('2019-08-09T09:46:53.000Z');
    expect(two.subjects.map((s) => s.name)).toContain('Teknologi');
  });

  it('turns an HTML body into paragraphs, text normalised to NFC', () => {
    const item = firstItem('2.1/dpa_text.json');
    expect(item.headline).toBe('Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    expect(item.byline).toBe('Von Christian Hollmann, dpa');
    expect(item.body).toHaveLength(9);
    expect(item.body[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^Für Lucien Favre war es «der größte Skandal/) });
    expect(bodyText(item.body).normalize('NFC')).toBe(bodyText(item.body));
  });

  it('reads a NITF body inside ninjs 3.0 without repeating its head', () => {
    const item = firstItem('3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json');
    expect(item.dateline).toBe('Oslo, Norway');
    expect(item.body.length).toBeGreaterThan(2);
    expect(bodyText(item.body)).not.toMatch(/tobject|<\w/);
  });

  it('takes the photo item itself as a photo, with its credit line', () => {
    const item = firstItem('2.1/ap_image.json');
    expect(item.creditline).toBe('ASSOCIATED PRESS');
    expect(item.photos[0]).toMatchObject({ width: 3000, height: 2208, mimeType: 'image/jpeg' });
    expect(item.photos[0]?.caption).toMatch(/^FILE - In this Monday/);
  });

  it('reads every item of a collection (an array of events with titles)', () => {
    const result = parseFixture('3.0/collection/20231016-event-timeline-sample.json');
    expect(result.ok && result.items.length).toBeGreaterThan(1);
    if (result.ok) expect(result.items[0]?.headline).toBe('Athlete uses medicine containing prohibited substance');
  });

  it('lets a field of the wrong type go instead of losing the item', () => {
    const result = parseNinjs({ uri: 'urn:x', headline: 'Storm hits coast', urgency: { odd: true }, body_text: 'Winds of 100 km/h.' });
    expect(result.ok && result.items[0]).toMatchObject({ headline: 'Storm hits coast', urgency: null, body: [{ type: 'paragraph', text: 'Winds of 100 km/h.' }] });
  });

  it('refuses an item with neither headline nor body', () => {
    expect(parseNinjs({ uri: 'urn:empty' })).toMatchObject({ ok: false, error: expect.stringMatching(/no headline and no body/) });
  });

  it('reads the guid dialect (no uri): the guid is the id, the source names the agency', () => {
    const result = parseNinjs({ guid: 'urn:newsml:localhost:1', version: '2', source: 'AAP', headline: 'سقوط أمطار 大雨', body_html: '<p>Текст.</p>', versioncreated: '2017-08-24T04:38:34+0000' });
    expect(result).toMatchObject({ ok: true, items: [{ agencyId: 'urn:newsml:localhost:1', agency: 'AAP', version: 2, headline: 'سقوط أمطار 大雨', body: [{ type: 'paragraph', text: 'Текст.' }] }] });
    expect(result.ok && result.items[0]!.versionCreated?.toISOString()).toBe('2017-08-24T04:38:34.000Z');
    expect(parseNinjs({ headline: 'No id' })).toMatchObject({ ok: false, error: expect.stringMatching(/no "uri" or "guid"/) });
  });
});
