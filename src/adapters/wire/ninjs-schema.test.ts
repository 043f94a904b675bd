/** @module Tests for lowerCaseKeys: ninjs 3.0's camelCase keys read as 2.x's, a lower-case document given back uncopied, `__proto__` kept as data, depth bounded. */
import { describe, expect, it } from 'vitest';
import { lowerCaseKeys } from './ninjs-schema.js';

describe('lowerCaseKeys', () => {
  it('gives a document whose keys are all lower-case back as it is', () => {
    const doc = JSON.parse('{"uri":"urn:1","headlines":[{"role":"main","value":"Москва 朝鲜 كوريا 🤝"}],"subjects":{"économie":{"code":"04000000"}}}');
    expect(lowerCaseKeys(doc)).toBe(doc);
  });

  it('lower-cases every key, nested ones and non-ASCII ones included, in a copy', () => {
    const doc = JSON.parse('{"uri":"urn:1","versionCreated":"2025-01-17T12:00:00Z","bodies":[{"contentType":"text/html","value":"<p>x</p>"}],"subjects":{"Économie":{"Code":"04000000"}}}');
    expect(lowerCaseKeys(doc)).toEqual({
      uri: 'urn:1', versioncreated: '2025-01-17T12:00:00Z', bodies: [{ contenttype: 'text/html', value: '<p>x</p>' }], subjects: { économie: { code: '04000000' } },
    });
    expect(doc.versionCreated).toBe('2025-01-17T12:00:00Z');
  });

  it('keeps a "__proto__" key as data, copied or not', () => {
    for (const text of ['{"uri":"urn:1","__proto__":{"polluted":true}}', '{"URI":"urn:1","__proto__":{"polluted":true}}']) {
      const out = lowerCaseKeys(JSON.parse(text)) as Record<string, unknown>;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.hasOwn(out, '__proto__')).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it('cuts what is nested deeper than 32 levels, whatever its keys', () => {
    const deep = JSON.parse(`{"uri":"urn:1","x":${'['.repeat(40)}1${']'.repeat(40)}}`);
    let value = (lowerCaseKeys(deep) as { x: unknown }).x;
    let depth = 1;
    while (Array.isArray(value)) {
      value = value[0];
      depth++;
    }
    expect(value).toBeNull();
    expect(depth).toBe(33);
  });
});
