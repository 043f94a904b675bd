/** @module Tests for the safe XML reader: declarations refused, entities left alone, nodes read. */
import { describe, expect, it } from 'vitest';
import { attrOf, childOf, childrenOf, childText, parseSafeXml, rootElementName, textOf, unsafeXmlReason } from './safe-xml.js';

describe('safe XML', () => {
  it('refuses DOCTYPE and ENTITY declarations whatever their case', () => {
    expect(unsafeXmlReason('<?xml version="1.0"?><!doctype x [<!entity a "b">]><x/>')).toMatch(/DOCTYPE/);
    expect(unsafeXmlReason('<x><!ENTITY a "b"></x>')).toMatch(/ENTITY/);
    expect(unsafeXmlReason('<x>fine</x>')).toBeNull();
    expect(parseSafeXml('<!DOCTYPE x><x/>')).toMatchObject({ ok: false });
  });

  it('finds the root element past the declaration, processing instructions and comments', () => {
    expect(rootElementName('\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="a"?><!-- hi --><rdf:RDF xmlns:rdf="x"/>')).toBe('RDF');
    expect(rootElementName('plain text')).toBeNull();
  });

  it('decodes only the predefined and numeric entities, in text and attributes', () => {
    const parsed = parseSafeXml('<a href="x?a=1&amp;b=2"><t>Tom &amp; Jerry &#8211; &copy;</t><t><![CDATA[1 &amp; 2]]></t></a>');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(attrOf(parsed.node, 'href')).toBe('x?a=1&b=2');
    expect(childrenOf(parsed.node, 't').map(textOf)).toEqual(['Tom & Jerry – &copy;', '1 &amp; 2']);
    expect(childText(parsed.node, 'missing')).toBeNull();
  });

  it('keeps raw elements as markup for the body converter', () => {
    const parsed = parseSafeXml('<item><inlineXML><p>One <b>bold</b></p></inlineXML></item>', ['inlineXML']);
    expect(parsed.ok && childOf(parsed.node, 'inlineXML')?.['#text']).toBe('<p>One <b>bold</b></p>');
  });

  it('reports malformed XML with its line', () => {
    expect(parseSafeXml('<a>\n<b></a>')).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed XML at line 2/) });
  });
});
