import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../articles/article.js';
import type { WireItem } from './wire-item.js';
import { articleFieldsFromWire, bodyWithWireUpdate, bodyWithoutDateline, wireLeadDateline } from './wire-to-story.js';

function item(body: BodyBlock[], extra: Partial<WireItem> = {}): WireItem {
  return {
    format: 'newsml-g2', agency: 'dpa', agencyId: 'urn:dpa:1', version: 1, headline: 'Bahn streikt', slugline: null, dateline: null, byline: null, creditline: null,
    language: 'de', summary: null, body, subjects: [], urgency: null, firstCreated: null, versionCreated: null, link: null, photos: [], ...extra,
  };
}

const WORLD = { slug: 'world', name: 'World' };

describe('wire copy into a draft', () => {
  it('cuts the dateline from the first paragraph, after a sub-heading, keeping its formatting runs', () => {
    const body: BodyBlock[] = [
      { type: 'heading', level: 2, text: 'Streik' },
      { type: 'paragraph', text: 'BERLIN (dpa) - Die Bahn streikt ab Montag.', runs: [{ text: 'BERLIN (dpa) - ', bold: true }, { text: 'Die Bahn', italic: true }, { text: ' streikt ab Montag.' }] },
      { type: 'paragraph', text: 'BERLIN (dpa) - bleibt.' },
    ];
    const fields = articleFieldsFromWire(item(body), WORLD, []);
    expect(fields.dateline).toBe('BERLIN');
    expect(fields.body[1]).toEqual({ type: 'paragraph', text: 'Die Bahn streikt ab Montag.', runs: [{ text: 'Die Bahn', italic: true }, { text: ' streikt ab Montag.' }] });
    expect(fields.body[2]).toEqual(body[2]);
    expect(fields.source).toEqual({ kind: 'agency', agency: 'dpa', wireId: 'urn:dpa:1' });
  });

  it('cuts a dateline that runs across runs', () => {
    const lede: BodyBlock = { type: 'paragraph', text: 'MOSCOW (TASS) - Talks.', runs: [{ text: 'MOS' }, { text: 'COW (TASS) - Ta', bold: true }, { text: 'lks.' }] };
    expect(bodyWithoutDateline([lede], wireLeadDateline(item([lede])))).toEqual([{ type: 'paragraph', text: 'Talks.', runs: [{ text: 'Ta', bold: true }, { text: 'lks.' }] }]);
  });

  it('leaves a body without a dateline as it is, and credits "Agency" only when nothing names one', () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: 'Die Bahn streikt.' }];
    const fields = articleFieldsFromWire(item(body, { agency: null }), WORLD, []);
    expect([fields.body, fields.dateline, fields.source]).toEqual([body, null, { kind: 'agency', agency: 'Agency', wireId: 'urn:dpa:1' }]);
    expect(articleFieldsFromWire(item(body, { agency: null, creditline: 'Reuters' }), WORLD, []).source).toMatchObject({ agency: 'Reuters' });
  });

  it('adds to a story only the paragraphs it lacks, a lede it has (without its dateline) included', () => {
    const wire = item([{ type: 'paragraph', text: 'BERLIN (dpa) - Die Bahn streikt.' }, { type: 'paragraph', text: 'Neu: 李 🚆.' }]);
    // The story was drafted from the first version, which had the lede only.
    const draft = articleFieldsFromWire({ ...wire, body: wire.body.slice(0, 1) }, WORLD, []);
    expect(bodyWithWireUpdate(draft.body, wire)).toEqual({ body: [{ type: 'paragraph', text: 'Die Bahn streikt.' }, { type: 'paragraph', text: 'Neu: 李 🚆.' }], added: 1 });
  });
});
