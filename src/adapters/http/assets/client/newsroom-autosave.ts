/** @module Autosave of the story form: 4 s after the last change, Ctrl/Cmd+S at once, stop on a version conflict, never lose text. */
import { formFields, formSnapshot, removeDraft, writeDraft } from './newsroom-draft.js';
import { clockTime, readSaveAnswer, type SaveAnswer } from './newsroom-save-answer.js';

const QUIET_MS = 4_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

export interface AutosaveOptions {
  form: HTMLFormElement;
  url: string;
  draftKey: string;
  status: HTMLElement | null;
  banner: HTMLElement | null;
}

export interface Autosave {
  /** Call after any change to the form (the editor calls it for the body). */
  changed(): void;
  saveNow(): void;
  hasUnsavedChanges(): boolean;
}

function showConflict(banner: HTMLElement | null, answer: Extract<SaveAnswer, { kind: 'conflict' }>): void {
  if (!banner) return;
  const text = document.createElement('p');
  text.textContent = `${answer.message} Autosave has stopped; your text is still here and a copy is kept in this browser.`;
  banner.replaceChildren(text);
  if (answer.revisionsUrl) {
    const link = document.createElement('a');
    link.href = answer.revisionsUrl;
    link.target = '_blank';
    link.textContent = 'Compare with the saved revisions (opens a new tab)';
    banner.append(link);
  }
  banner.hidden = false;
}

export function startAutosave(options: AutosaveOptions): Autosave {
  const { form, url, draftKey, status, banner } = options;
  let saved = formSnapshot(form);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = FIRST_RETRY_MS;
  let inFlight = false;
  let again = false;
  let stopped = false;
  let submitting = false;

  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  const dirty = () => formSnapshot(form) !== saved;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  function apply(answer: SaveAnswer, sent: string): void {
    if (answer.kind === 'saved') {
      const version = form.elements.namedItem('version');
      if (version instanceof HTMLInputElement) version.value = String(answer.version);
      saved = sent;
      retryMs = FIRST_RETRY_MS;
      say(`Saved at ${clockTime(answer.savedAt, new Date())}`);
      if (dirty()) schedule(QUIET_MS);
      else removeDraft(draftKey);
    } else if (answer.kind === 'conflict') {
      stopped = true;
      say('Not saved: this story was changed elsewhere.');
      showConflict(banner, answer);
    } else if (answer.kind === 'retry') {
      say('Not saved — retrying');
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    } else {
      say(answer.message);
    }
  }

  async function save(): Promise<void> {
    clearTimeout(timer);
    if (stopped || submitting) return;
    if (inFlight) {
      again = true;
      return;
    }
    const sent = formSnapshot(form);
    if (sent === saved) {
      removeDraft(draftKey);
      return;
    }
    inFlight = true;
    say('Saving…');
    let answer: SaveAnswer;
    try {
      const response = await fetch(url, { method: 'POST', body: formFields(form), headers: { accept: 'application/json' }, credentials: 'same-origin' });
      answer = readSaveAnswer(response.status, await response.json().catch(() => null));
    } catch {
      answer = { kind: 'retry' };
    }
    inFlight = false;
    apply(answer, sent);
    if (again) {
      again = false;
      if (!stopped && answer.kind === 'saved') void save();
    }
  }

  const changed = () => {
    if (submitting) return;
    if (!dirty()) return;
    writeDraft(draftKey, formSnapshot(form));
    if (stopped) return;
    say('Unsaved changes');
    schedule(QUIET_MS);
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', () => {
    submitting = true;
    clearTimeout(timer);
  });
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    if (stopped) say('Not saved: autosave stopped because this story was changed elsewhere.');
    else if (!dirty()) say('No unsaved changes');
    else void save();
  });
  window.addEventListener('beforeunload', (event) => {
    if (submitting || !dirty()) return;
    event.preventDefault();
    event.returnValue = '';
  });

  return { changed, saveNow: () => void save(), hasUnsavedChanges: dirty };
}
