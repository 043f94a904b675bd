import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/event-bus.js';
import { isDomainError } from '../shared/domain-error.js';
import type { Role, StaffUser } from '../staff/staff-user.js';
import type { Edition } from './edition.js';
import { createEditionDirectory, defaultEdition } from './edition-directory.js';
import { createEditionService, tidyEditionForm, type EditionForm } from './edition-service.js';
import type { EditionStore } from './edition-store.js';

function memoryEditionStore(initial: Edition[]): EditionStore {
  const rows = [...initial];
  return {
    list: async () => [...rows].sort((a, b) => a.position - b.position),
    add: async (input) => {
      if (rows.some((e) => e.id === input.id)) return false;
      rows.push({ ...input, position: rows.length, pathPrefix: `/${input.id}` });
      return true;
    },
    update: async (id, input) => {
      const i = rows.findIndex((e) => e.id === id);
      if (i < 0) return false;
      rows[i] = { ...rows[i]!, ...input };
      return true;
    },
  };
}

const staff = (role: Role): StaffUser => ({ id: role, email: `${role}@x.test`, name: role, role, author: null, createdAt: new Date(0), disabledAt: null, mustChangePassword: false });
const ARABIC: EditionForm = { id: 'ar', language: 'ar', name: 'العربية', locale: 'ar-SA', numberingSystem: 'arab', timeZone: 'Asia/Riyadh', direction: null };

function setup() {
  const first = defaultEdition({ locale: 'en-GB', timeZone: 'UTC' });
  const directory = createEditionDirectory([first]);
  const events: DomainEvent[] = [];
  const service = createEditionService({
    store: memoryEditionStore([first]), directory,
    events: { publish: async (e) => void events.push(e), subscribe: () => () => {} },
    checks: { isLocale: (tag) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag), isTimeZone: (zone) => zone === 'UTC' || zone.includes('/') },
  });
  return { service, directory, events };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isDomainError(error)) throw new Error('expected a DomainError');
  return error;
}

describe('edition service', () => {
  it('adds an edition: direction from its language, in this process at once, announced to the others', async () => {
    const { service, directory, events } = setup();
    const added = await service.addEdition(staff('admin'), { ...ARABIC, id: ' AR ' });
    expect(added).toMatchObject({ id: 'ar', direction: 'rtl', pathPrefix: '/ar', numberingSystem: 'arab' });
    expect(directory.byPathSegment('ar')?.name).toBe('العربية');
    expect(events).toEqual([{ type: 'editions.changed' }]);
  });

  it('refuses a taken code, a reserved one and bad fields, with the code VALIDATION_FAILED', async () => {
    const { service, events } = setup();
    await service.addEdition(staff('admin'), ARABIC);
    const dup = await failure(service.addEdition(staff('admin'), ARABIC));
    expect(dup.code).toBe('VALIDATION_FAILED');
    expect(dup.message).toContain('already an edition with the code “ar”');
    expect((await failure(service.addEdition(staff('admin'), { ...ARABIC, id: 'api' }))).message).toContain('path the site already uses');
    const bad = await failure(service.addEdition(staff('admin'), { ...ARABIC, id: 'fr', locale: 'not a locale', timeZone: 'Mars', name: ' ' }));
    expect((bad.details?.issues as { path: string }[]).map((i) => i.path)).toEqual(['name', 'locale', 'timeZone']);
    expect(events).toHaveLength(1);
  });

  it('changes everything but the code; an unknown code is EDITION_NOT_FOUND', async () => {
    const { service, directory } = setup();
    const saved = await service.updateEdition(staff('admin'), 'en', { language: 'en', name: 'International', locale: 'en-US', numberingSystem: 'latn', timeZone: 'America/New_York', direction: 'ltr' });
    expect(saved).toMatchObject({ id: 'en', name: 'International', pathPrefix: '', timeZone: 'America/New_York' });
    expect(directory.first().name).toBe('International');
    expect((await failure(service.updateEdition(staff('admin'), 'xx', ARABIC))).code).toBe('EDITION_NOT_FOUND');
  });

  it('is for admins only', async () => {
    const { service } = setup();
    for (const role of ['contributor', 'reporter', 'editor'] as const) {
      expect((await failure(service.addEdition(staff(role), ARABIC))).code).toBe('PERMISSION_DENIED');
      expect((await failure(service.updateEdition(staff(role), 'en', ARABIC))).code).toBe('PERMISSION_DENIED');
    }
  });

  it('tidies what was typed and lets an admin force a direction', () => {
    expect(tidyEditionForm({ ...ARABIC, name: '  العربية   الفصحى ', direction: 'ltr' })).toMatchObject({ name: 'العربية الفصحى', direction: 'ltr' });
    expect(tidyEditionForm({ ...ARABIC, language: 'he-IL' }).direction).toBe('rtl');
    expect(tidyEditionForm({ ...ARABIC, language: 'fr' }).direction).toBe('ltr');
  });
});
