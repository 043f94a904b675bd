/** @module Tests for wire item helpers: a later version without text keeps the earlier text. */
import { describe, expect, it } from 'vitest';
import { withEarlierText, type WireItem } from './wire-item.js';

const item = (over: Partial<WireItem>): WireItem => ({
  format: 'newsml-g2', agency: 'ANSA', agencyId: 'tag:ansa.it,2017:1', version: 1, headline: 'Catalogna', slugline: null, dateline: null, byline: null,
  creditline: null, language: 'it', summary: null, body: [], subjects: [], urgency: null, firstCreated: null, versionCreated: null, link: null, photos: [], ...over,
});

describe('withEarlierText', () => {
  const earlier = item({ version: 1, summary: 'Sommario', body: [{ type: 'paragraph', text: 'Il testo completo, مرحبا.' }], photos: [{ href: 'https://x.test/p.jpg', width: 800, height: 600, mimeType: null, caption: null, credit: null }] });

  it('keeps the earlier body, summary and photos when the later version comes without body text', () => {
    const later = item({ version: 2, headline: 'Catalogna, aggiornamento' });
    expect(withEarlierText(later, earlier)).toEqual({ ...later, body: earlier.body, summary: 'Sommario', photos: earlier.photos });
  });

  it('takes the later version as it is when it has text, or when the earlier had none either', () => {
    const later = item({ version: 2, body: [{ type: 'paragraph', text: 'Nuovo testo.' }] });
    expect(withEarlierText(later, earlier)).toBe(later);
    const bare = item({ version: 2 });
    expect(withEarlierText(bare, item({}))).toBe(bare);
  });
});
