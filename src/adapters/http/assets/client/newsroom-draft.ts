/** @module The story form's fields as urlencoded data, and this browser's copy of unsaved work in localStorage. */

/** Fields the server owns: never compared, never restored from a copy. */
const SERVER_FIELDS = new Set(['_csrf', 'version', 'action']);

/** The form as the autosave endpoint receives it (no workflow button, no files). */
export function formFields(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (name !== 'action' && typeof value === 'string') params.append(name, value);
  }
  return params;
}

/** What the editor wrote, for change detection: the form without the fields the server owns. */
export function formSnapshot(form: HTMLFormElement): string {
  const params = formFields(form);
  for (const name of SERVER_FIELDS) params.delete(name);
  return params.toString();
}

export function readDraft(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, snapshot: string): void {
  try {
    localStorage.setItem(key, snapshot);
  } catch {
    // Storage full or disabled: the autosave still runs; only the local safety copy is missing.
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do: see writeDraft.
  }
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isField(el: Element): el is Field {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Puts a saved snapshot back into the form: values by name and order, checkboxes and multi-selects by value. */
export function restoreSnapshot(form: HTMLFormElement, snapshot: string): void {
  const params = new URLSearchParams(snapshot);
  const used = new Map<string, number>();
  for (const el of Array.from(form.elements)) {
    if (!isField(el) || !el.name || SERVER_FIELDS.has(el.name) || (el instanceof HTMLInputElement && el.type === 'file')) continue;
    const values = params.getAll(el.name);
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      el.checked = values.includes(el.value);
    } else if (el instanceof HTMLSelectElement && el.multiple) {
      for (const option of Array.from(el.options)) option.selected = values.includes(option.value);
    } else if (params.has(el.name)) {
      const index = used.get(el.name) ?? 0;
      used.set(el.name, index + 1);
      el.value = values[index] ?? '';
    }
  }
}
