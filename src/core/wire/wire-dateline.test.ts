import { describe, expect, it } from 'vitest';
import { draftDateline, leadDateline, placeOfDateline } from './wire-dateline.js';

/** The lede once its dateline is cut, and what was found. */
function cut(lede: string, dateline: string | null = null) {
  const found = leadDateline(lede, dateline);
  return found ? { place: found.place, agency: found.agency, rest: lede.slice(found.length) } : null;
}

describe('leadDateline', () => {
  it.each([
    ['GROSSETO, Italy (AP) -- Rescuers searched on Saturday.', 'GROSSETO, Italy', 'AP', 'Rescuers searched on Saturday.'],
    ['BERLIN (dpa) - Die Regierung hat am Montag entschieden.', 'BERLIN', 'dpa', 'Die Regierung hat am Montag entschieden.'],
    ['Berlin (dpa) – Die Bahn streikt.', 'Berlin', 'dpa', 'Die Bahn streikt.'],
    ['WASHINGTON, Dec 6 (Reuters) - The Fed held rates.', 'WASHINGTON', 'Reuters', 'The Fed held rates.'],
    ['MOSCOW, Dec. 6 (Xinhua) -- Talks resumed.', 'MOSCOW', 'Xinhua', 'Talks resumed.'],
    ['PARIS, 6 déc 2025 (AFP) - Le gouvernement a annoncé…', 'PARIS', 'AFP', 'Le gouvernement a annoncé…'],
    ['RIO DE JANEIRO, Brazil (AP) — Floods hit the city.', 'RIO DE JANEIRO, Brazil', 'AP', 'Floods hit the city.'],
    ['Frankfurt am Main (dpa) - Der DAX stieg.', 'Frankfurt am Main', 'dpa', 'Der DAX stieg.'],
    ['الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة.', 'الرياض', 'واس', 'أعلنت الوزارة اليوم عن خطة جديدة.'],
    ['دبي، 6 ديسمبر (وام) – افتتح المعرض.', 'دبي', 'وام', 'افتتح المعرض.'],
    ['МОСКВА (ТАСС) - Переговоры возобновились.', 'МОСКВА', 'ТАСС', 'Переговоры возобновились.'],
    ['東京（共同）— 地震があった。', '東京', '共同', '地震があった。'],
  ])('cuts %j', (lede, place, agency, rest) => {
    expect(cut(lede)).toEqual({ place, agency, rest });
  });

  it('cuts the item\'s own dateline followed by a colon or a dash, even without an agency', () => {
    expect(cut('SEOUL: Investigators probing the crash said…', 'Seoul')).toEqual({ place: 'SEOUL', agency: null, rest: 'Investigators probing the crash said…' });
    expect(cut('Tokyo — The quake struck at dawn.', 'TOKYO')).toEqual({ place: 'Tokyo', agency: null, rest: 'The quake struck at dawn.' });
    expect(cut('MOSCOW, Monday (Reuters) - Talks.', 'MOSCOW, Monday (Reuters)')).toEqual({ place: 'MOSCOW, Monday', agency: 'Reuters', rest: 'Talks.' });
    expect(cut('Grosseto, Italia, 6 dicembre — I soccorritori…', 'Grosseto')).toMatchObject({ rest: 'I soccorritori…' });
  });

  it.each([
    ['The president said (AP) – more would follow.'],
    ['Officials in the capital (Berlin) - which hosts the talks - agreed.'],
    ['Tokyo-based Sony said profits rose.'],
    ['Tokyo, the capital, said — nothing.'],
    ['Seoulites queued for hours.'],
    ['No dateline here at all.'],
    ['BERLIN (dpa) - '],
    ['Prices rose. Analysts (Reuters) - expect more.'],
  ])('leaves %j alone', (lede) => {
    expect(cut(lede, lede.startsWith('Tokyo') ? 'Tokyo' : lede.startsWith('Seoul') ? 'SEOUL' : null)).toBeNull();
  });
});

describe('placeOfDateline and draftDateline', () => {
  it('keeps the place, not the date or the agency, in capitals', () => {
    expect(placeOfDateline('WASHINGTON, Dec 6')).toBe('WASHINGTON');
    expect(placeOfDateline('GROSSETO, Italy')).toBe('GROSSETO, Italy');
    expect(draftDateline('MOSCOW, Monday (Reuters)')).toBe('MOSCOW, MONDAY');
    expect(draftDateline('Grosseto, Italy —')).toBe('GROSSETO, ITALY');
    expect(draftDateline('الرياض (واس)')).toBe('الرياض');
  });
});
