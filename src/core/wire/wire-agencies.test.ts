/** @module Tests for the table of known agencies: names, codes, addresses and credit lines to display names and zones. */
import { describe, expect, it } from 'vitest';
import { agencyWebsite, knownWireAgency, mostCitedAgency, WIRE_AGENCIES, wireAgencyName, wireAgencyZone } from './wire-agencies.js';

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

  it('is the one table: every agency once, with its website where it has one (a story\'s schema.org publisher)', () => {
    const names = WIRE_AGENCIES.map((a) => a.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(WIRE_AGENCIES.every((a) => a.website === null || /^https:\/\/[a-z0-9.-]+\/$/.test(a.website))).toBe(true);
    expect([agencyWebsite('PA Media'), agencyWebsite('anadolu'), agencyWebsite('Agence France-Presse'), agencyWebsite(' AP ')])
      .toEqual(['https://pamediagroup.com/', 'https://www.aa.com.tr/', 'https://www.afp.com/', 'https://apnews.com/']);
    // A free-text credit names no known agency exactly: no address is made up for it.
    expect([agencyWebsite('Local Photo Desk'), agencyWebsite('AFP/Reuters'), agencyWebsite('وكالة محلية')]).toEqual([null, null, null]);
  });

  it('reads which agency a story\'s text cites most: names as written, full names in any case, one mention once', () => {
    expect(mostCitedAgency('Officials told Reuters on Monday. Reuters could not verify it.')?.name).toBe('Reuters');
    expect(mostCitedAgency('The Associated Press reported. "Yes," AFP was told; the associated press said more.')?.name).toBe('AP');
    expect(mostCitedAgency('Anadolu reported the strike, Anadolu Agency said; Xinhua also wrote.')?.name).toBe('Anadolu');
    expect(mostCitedAgency('وقال مسؤول لوكالة — РИА Новости сообщает: риа новости.')?.name).toBe('RIA Novosti');
    // Lower-case words and ambiguous names are no citation: "ap", "spa", the MENA region.
    expect(mostCitedAgency('a spa day in the MENA region, tap and map apps 🗺️')).toBeNull();
  });
});
