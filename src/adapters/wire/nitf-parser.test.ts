/** @module Tests for standalone NITF: routed by its root, a plain DOCTYPE accepted, messages that say what a file is. */
import { describe, expect, it } from 'vitest';
import { parseWireDocument } from './parse-wire-file.js';

const parse = (name: string, xml: string) => parseWireDocument(name, new TextEncoder().encode(xml), new Date('2026-01-01T00:00:00Z'));
const nitf = (head: string, body: string) => `<?xml version="1.0"?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.2//EN" "nitf-3-2.dtd">\n<nitf><head>${head}</head><body>${body}</body></nitf>`;

describe('standalone NITF', () => {
  it('reads a NITF document with a plain DOCTYPE: headline, byline, dateline, agency, times in the agency zone', () => {
    const xml = nitf(
      '<title>Title</title><docdata><doc-id id-string="NTB-1"/><du-key key="k" version="3"/><date.issue norm="2020-09-07T14:45:26"/><doc.copyright holder="NTB"/></docdata>',
      '<body.head><hedline><hl1>Regjeringen går av</hl1></hedline><byline>Av <person>Kari Nordmann</person></byline><dateline><location>Oslo</location><story.date norm="20200907T1445">20200907T1445</story.date></dateline><abstract><p>Kort.</p></abstract></body.head><body.content><p>Oslo (NTB): Første avsnitt.</p><p>مرحبا 你好</p></body.content>',
    );
    const result = parse('ntb.xml', xml);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (!result.ok) return;
    expect(result.items[0]).toMatchObject({
      format: 'nitf', agency: 'NTB', agencyId: 'NTB-1', version: 3, headline: 'Regjeringen går av', byline: 'Av Kari Nordmann', dateline: 'Oslo', summary: 'Kort.',
      body: [{ type: 'paragraph', text: 'Oslo (NTB): Første avsnitt.' }, { type: 'paragraph', text: 'مرحبا 你好' }],
    });
    expect(result.items[0]!.firstCreated?.toISOString()).toBe('2020-09-07T12:45:26.000Z');
  });

  it('uses the title, then the first line of the text, when NITF has no hl1', () => {
    const titled = parse('a.xml', nitf('<title>Från titeln</title>', '<body.content><p>Text.</p></body.content>'));
    expect(titled.ok && titled.items[0]!.headline).toBe('Från titeln');
    const bare = parse('b.xml', nitf('', '<body.content><p>Ett första stycke som får bli rubrik.</p><p>Mer.</p></body.content>'));
    expect(bare.ok && bare.items[0]!.headline).toBe('Ett första stycke som får bli rubrik.');
    expect(bare.ok && bare.warnings).toContainEqual(expect.stringMatching(/first line of the text stands in/));
  });

  it('says what a file is when it cannot be read as news', () => {
    expect(parse('empty.xml', nitf('<title> </title>', '<body.content><p> </p></body.content>'))).toEqual({ ok: false, error: 'empty.xml: NITF without a headline or body' });
    expect(parse('e.xml', '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x "y">]><nitf/>')).toMatchObject({ ok: false, error: expect.stringMatching(/^e\.xml: .*DOCTYPE internal subset is refused/) });
    expect(parse('c.xml', '<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:c"/>')).toMatchObject({ ok: false, error: expect.stringMatching(/concept item .*not news/) });
    expect(parse('p.xml', '<planningItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:p"/>')).toMatchObject({ ok: false, error: expect.stringMatching(/planning item .*not news/) });
    expect(parse('m.xml', '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><packageItem guid="urn:p"/></itemSet></newsMessage>')).toMatchObject({ ok: false, error: 'm.xml: a NewsML-G2 news message with no news items (it holds 1 package item(s))' });
    expect(parse('n1.xml', '<NewsML Version="1.2"><NewsItem/></NewsML>')).toMatchObject({ ok: false, error: expect.stringMatching(/NewsML 1\.x/) });
  });
});
