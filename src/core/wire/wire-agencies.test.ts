/** @module Tests for the table of known agencies: names, codes, addresses and credit lines to display names and zones. */
import { describe, expect, it } from 'vitest';
import { knownWireAgency, wireAgencyName, wireAgencyZone } from './wire-agencies.js';

describe('wire agencies', () => {
  it('recognises an agency by name, provider QCode, web address, tag URI and credit or copyright line', () => {
    const cases: [string, string][] = [
      ['nprov:dpa', 'dpa'], ['Deutsche Presse-Agentur', 'dpa'], ['Thomson Reuters', 'Reuters'], ['reuters.com', 'Reuters'],
      ['tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text', 'AP'], ['The Associated Press', 'AP'], ['Agencia EFE', 'EFE'],
      ['STT–AFP', 'STT'], ['Reuters: World News', 'Reuters'], ['(c) Copyright ANSA 2017. Click For Restrictions', 'ANSA'], ['Australian Associated Press', 'AAP'],
      ['Press Association', 'PA Media'], ['PA Sport', 'PA Media'], ['urn:newsml:stt.fi:20180401:101976596', 'STT'],
      ['Saudi Press Agency', 'SPA'], ['WAM', 'WAM'], ['Kuwait News Agency', 'KUNA'], ['QNA', 'QNA'], ['Xinhua News Agency', 'Xinhua'],
      ['Kyodo News', 'Kyodo'], ['Yonhap News Agency', 'Yonhap'], ['ITAR-TASS', 'TASS'], ['РИА Новости', 'RIA Novosti'], ['NTB', 'NTB'],
    ];
    for (const [raw, name] of cases) expect(knownWireAgency(raw)?.name, raw).toBe(name);
    for (const raw of ['', 'Automated Insights', 'Giant Bombcast', 'chapter', 'papa']) expect(knownWireAgency(raw), raw).toBeNull();
  });

  it('takes the first candidate naming a known agency, else the first that reads as a name, never a code', () => {
    expect(wireAgencyName(['Automated Insights', 'Automated Insights', null, 'tag:ap.org,2011:x'])).toBe('AP');
    expect(wireAgencyName(['CL', 'BusinessDesk'])).toBe('BusinessDesk');
    expect(wireAgencyName([null, 'وكالة الأنباء المحلية', 'x'])).toBe('وكالة الأنباء المحلية');
    expect(wireAgencyName(['nprov:unknown', 'tag:example.org,2020:1'])).toBeNull();
    expect(wireAgencyName([])).toBeNull();
  });

  it('knows the zone an agency writes local times in', () => {
    expect(wireAgencyZone('STT')).toBe('Europe/Helsinki');
    expect(wireAgencyZone('NTB')).toBe('Europe/Oslo');
    expect(wireAgencyZone('AAP')).toBe('Australia/Sydney');
    expect(wireAgencyZone('Reuters')).toBeNull();
    expect(wireAgencyZone('Somebody')).toBeNull();
    expect(wireAgencyZone(null)).toBeNull();
  });
});
