/** @module Tests for the safe XML reader: declarations refused, entities left alone, nodes read. */
import { describe, expect, it } from 'vitest';
import { attrOf, childOf, childrenOf, childText, parseSafeXml, rootElementName, textOf, unsafeXmlReason } from './safe-xml.js';

describe('safe XML', () => {
  it('refuses a DOCTYPE with an internal subset and any ENTITY declaration, whatever their case', () => {
    expect(unsafeXmlReason('<?xml version="1.0"?><!doctype x [<!entity a "b">]><x/>')).toMatch(/DOCTYPE/);
    expect(unsafeXmlReason('<!DOCTYPE x []><x/>')).toMatch(/DOCTYPE/);
    expect(unsafeXmlReason('<!DOCTYPE x SYSTEM "a.dtd"><!DOCTYPE y><x/>')).toMatch(/DOCTYPE/);
    expect(unsafeXmlReason('<x><!ENTITY a "b"></x>')).toMatch(/ENTITY/);
    expect(unsafeXmlReason('<x><!DOCTYPE x SYSTEM "a.dtd"></x>')).toMatch(/DOCTYPE/);
    expect(unsafeXmlReason('<x>fine</x>')).toBeNull();
  });

  it('accepts a DOCTYPE that only names a public or system identifier, and never reads it', () => {
    for (const doctype of ['<!DOCTYPE nitf>', '<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">', '<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.2//EN" "file:///etc/passwd">']) {
      expect(unsafeXmlReason(`<?xml version="1.0"?>\n<!-- c -->\n${doctype}\n<nitf/>`), doctype).toBeNull();
      const parsed = parseSafeXml(`<?xml version="1.0"?>\n${doctype}\n<nitf><p>Привет 你好</p></nitf>`);
      expect(parsed, doctype).toMatchObject({ ok: true, root: 'nitf', node: { p: 'Привет 你好' } });
    }
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

  it('checks the XML limits before validating, with the limits given', () => {
    const limits = { maxAttributesPerElement: 2, maxDepth: 3, maxParseMs: 60_000 };
    expect(parseSafeXml('<a><b x="1" y="2"><c/></b></a>', [], limits).ok).toBe(true);
    expect(parseSafeXml('<a><b x="1" y="2" z="3"/></a>', [], limits)).toEqual({ ok: false, error: 'XML refused: an element has 3 attributes, over the limit of 2 per element' });
    expect(parseSafeXml('<a><b><c><d/></c></b></a>', [], { ...limits, maxDepth: 2 })).toEqual({ ok: false, error: 'XML refused: elements nest over the limit of 2 levels' });
  });

  it('tells a spent time budget (busy: a server condition) from a document over its limits (no busy flag)', () => {
    // A budget below zero is spent before the first look at the clock, whatever the machine's speed.
    const spent = parseSafeXml('<a><b x="1"/></a>', [], { maxAttributesPerElement: 2, maxDepth: 3, maxParseMs: -1 });
    expect(spent).toEqual({ ok: false, error: expect.stringMatching(/server is busy/), busy: true });
    const overLimit = parseSafeXml('<a><b x="1" y="2" z="3"/></a>', [], { maxAttributesPerElement: 2, maxDepth: 3, maxParseMs: -1 });
    expect(overLimit).toEqual({ ok: false, error: expect.stringMatching(/3 attributes/) });
  });

  it('reports malformed XML with its line', () => {
    expect(parseSafeXml('<a>\n<b></a>')).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed XML at line 2/) });
  });
});
