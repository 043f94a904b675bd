/** @module Tests for the NewsML-G2 parser: text with NITF, photo renditions, dateline/located, News Messages and fragments. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/fixture-path.js';
import { NEWSML_G2_RAW_ELEMENTS, parseNewsMlG2 } from './newsml-g2-parser.js';
import { parseSafeXml } from './safe-xml.js';

const DIR = fixturePath('wire/newsml-g2');

function parseText(xml: string) {
  const parsed = parseSafeXml(xml, NEWSML_G2_RAW_ELEMENTS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parseNewsMlG2(parsed.root, parsed.node);
}
const parseFile = (name: string) => parseText(readFileSync(`${DIR}/${name}`, 'utf8'));
function only(name: string) {
  const result = parseFile(name);
  if (!result.ok) throw new Error(result.error);
  return result.items[0]!;
}

describe('parseNewsMlG2', () => {
  it('reads a text item with a NITF body, its byline, subjects and located place', () => {
    const item = only('LISTING_2_NewsML-G2_Text_Document.xml');
    expect(item).toMatchObject({ agencyId: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED', version: 11, headline: 'Fed to halt QE to avert "bubble"', slugline: 'US-Finance-Fed', dateline: 'New York, NY', byline: 'By Meredith Jameson, Staff Reporter', language: 'en-US' });
    expect(item.subjects[0]).toEqual({ name: 'economy, business and finance', code: '04000000', scheme: 'medtop' });
    expect(item.body).toHaveLength(2);
    expect(item.versionCreated?.toISOString()).toBe('2018-11-21T21:25:32.000Z');
  });

  it('reads a photo item: the largest rendition, caption and credit line', () => {
    const item = only('LISTING_3_Photo_in_NewsML-G2.xml');
    expect(item.creditline).toBe('Getty Images');
    expect(item.photos).toEqual([{ href: './GYI0062134533.jpg', width: 1500, height: 1001, mimeType: 'image/jpeg', caption: expect.stringMatching(/^A general view of part of downtown/), credit: 'Getty Images' }]);
  });

  it('reads a Reuters News Message with an XHTML body', () => {
    const item = only('real/2013-10-21T192044Z_1670105467_L1N0IB1MQ_RTRMADT_0_BBO-SOX-CARDINALS-NEWS.XML');
    expect(item).toMatchObject({ agencyId: 'tag:reuters.com,0000:newsml_L1N0IB1MQ', urgency: 3, creditline: 'Reuters', headline: 'World Series: Lester, Wainwright set for Game 1' });
    expect(item.body.length).toBeGreaterThan(10);
  });

  it('prefers the dateline element to located (LISTING_28 inside an item)', () => {
    const fragment = readFileSync(`${DIR}/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml`, 'utf8');
    const item = parseText(`<newsItem guid="urn:test:1" version="2"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>${fragment.replace('</contentMeta>', '<headline>Talks in Moscow</headline></contentMeta>')}</newsItem>`);
    expect(item.ok && item.items[0]).toMatchObject({ dateline: 'MOSCOW, Monday (Reuters)', byline: 'Thomson Reuters', language: 'en-US' });
  });

  it('reads the NITF of LISTING_25 once it sits in a news item (the file alone is a fragment)', () => {
    const fragment = readFileSync(`${DIR}/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml`, 'utf8');
    const item = parseText(`<newsItem guid="urn:test:25"><contentMeta><headline>Diamondbacks at Phillies</headline></contentMeta>${fragment}</newsItem>`);
    expect(item.ok && item.items[0]).toMatchObject({ byline: 'Sports Network', body: [{ type: 'paragraph', text: expect.stringMatching(/^\(Sports Network\) - With the Philadelphia Phillies/) }] });
  });

  it('refuses a News Message whose items have no headline and no body (LISTING_24)', () => {
    expect(parseFile('LISTING_24_News_Message_conveying_a_complete_News_Package.xml')).toMatchObject({ ok: false, error: expect.stringMatching(/4 news item\(s\), none readable/) });
  });
});
