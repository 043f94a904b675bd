import { describe, expect, it } from 'vitest';
import { detectAgency } from './agency.js';

describe('detectAgency', () => {
  it('credits a captured story to the agency its text cites most, from the one agency table', () => {
    expect(detectAgency('Rescuers told AFP that the Agence France-Presse photographer was safe. Reuters said nothing.')).toBe('AFP');
    // Agencies the capture importer had no row for: the wire desk's table knows them.
    expect(detectAgency('Anadolu reported the strike; PA Media and Anadolu Agency carried the pictures.')).toBe('Anadolu');
    expect(detectAgency('PA Media understands the minister will resign.')).toBe('PA Media');
    expect(detectAgency('قال الوزير إن الخطة جاهزة. 部长说计划已经准备好了。')).toBeNull();
  });
});
