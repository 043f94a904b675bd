/** @module The editions admin's use cases: list, add and change editions; every process hears of a change. Shared by every transport. */
import type { EventBus } from '../events/event-bus.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { directionOf, editionIssues, RESERVED_EDITION_IDS, type Edition, type EditionInput, type TextDirection } from './edition.js';
import type { EditionDirectory } from './edition-directory.js';
import type { EditionStore } from './edition-store.js';

export interface EditionServiceDeps {
  store: EditionStore;
  events: EventBus;
  /** This process's editions, replaced at once after a change; other processes reload on `editions.changed`. */
  directory: Pick<EditionDirectory, 'replace'>;
  /** What the runtime's Intl knows (passed in, so the core does not depend on it). */
  checks: { isLocale: (tag: string) => boolean; isTimeZone: (zone: string) => boolean };
}

/** An edition as an admin typed it; the direction follows the language when none is chosen. */
export type EditionForm = Omit<EditionInput, 'direction'> & { direction: TextDirection | null };

export function tidyEditionForm(form: EditionForm): EditionInput {
  const language = form.language.trim();
  return {
    id: form.id.trim().toLowerCase(), language, name: form.name.replace(/\s+/g, ' ').trim(), locale: form.locale.trim(),
    numberingSystem: form.numberingSystem, timeZone: form.timeZone.trim(), direction: form.direction ?? directionOf(language),
  };
}

export type EditionService = ReturnType<typeof createEditionService>;

export function createEditionService(deps: EditionServiceDeps) {
  function requireAdmin(actor: StaffUser): void {
    if (actor.role !== 'admin') throw new DomainError('PERMISSION_DENIED', 'Only an admin can manage editions.');
  }

  function validate(input: EditionInput, reservedIds: readonly string[], ignoreId: boolean): void {
    const issues = editionIssues(input, { ...deps.checks, reservedIds }).filter((i) => !ignoreId || i.path !== 'id');
    if (issues.length) throw new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join(' '), { issues });
  }

  async function changed(id: string): Promise<Edition> {
    const all = await deps.store.list();
    deps.directory.replace(all);
    await deps.events.publish({ type: 'editions.changed' });
    const edition = all.find((e) => e.id === id);
    if (!edition) throw new Error(`edition ${id} was written but is not listed`);
    return edition;
  }

  /** Adds an edition after the others (served under /{code}/). */
  async function addEdition(actor: StaffUser, form: EditionForm): Promise<Edition> {
    requireAdmin(actor);
    const input = tidyEditionForm(form);
    validate(input, RESERVED_EDITION_IDS, false);
    if (!(await deps.store.add(input))) {
      const message = `There is already an edition with the code “${input.id}”: choose another code, or edit that edition.`;
      throw new DomainError('VALIDATION_FAILED', message, { issues: [{ path: 'id', message }] });
    }
    return changed(input.id);
  }

  /** Changes an edition's name, language, locale, digits, zone and direction; its code (and so its URLs) and position stay. */
  async function updateEdition(actor: StaffUser, id: string, form: Omit<EditionForm, 'id'>): Promise<Edition> {
    requireAdmin(actor);
    const { id: _id, ...input } = tidyEditionForm({ ...form, id });
    validate({ id, ...input }, [], true);
    if (!(await deps.store.update(id, input))) throw new DomainError('EDITION_NOT_FOUND', 'There is no edition with this code.', { id });
    return changed(id);
  }

  return { listEditions: () => deps.store.list(), addEdition, updateEdition };
}
