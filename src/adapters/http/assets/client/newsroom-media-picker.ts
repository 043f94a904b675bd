/** @module The media picker: a dialog to search the photo library or upload a photo, then hand the chosen one back. */
import { readMediaItem, type MediaItem } from './newsroom-media-item.js';

export type { MediaItem } from './newsroom-media-item.js';

export interface MediaPicker {
  /** Opens the dialog; `choose` gets the photo picked; focus goes to `returnFocus` when it closes. */
  open(choose: (item: MediaItem) => void, returnFocus: () => void): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelled(text: string, input: HTMLInputElement): HTMLLabelElement {
  return el('label', { className: 'field' }, el('span', { className: 'field-label' }, text), input);
}

async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : `The server answered ${response.status}.`;
}

function card(item: MediaItem, pick: () => void): HTMLLIElement {
  const img = el('img', { src: item.url, alt: '', loading: 'lazy' });
  if (item.width && item.height) Object.assign(img, { width: item.width, height: item.height });
  const caption = item.caption || item.alt || 'Untitled photo';
  const button = el('button', { type: 'button', className: 'media-card' }, img, el('span', { className: 'media-card-caption', dir: 'auto' }, caption));
  if (item.credit) button.append(el('span', { className: 'media-card-credit', dir: 'auto' }, item.credit));
  button.addEventListener('click', pick);
  return el('li', {}, button);
}

export function createMediaPicker(mediaUrl: string, csrfToken: () => string): MediaPicker {
  // Captions, credits and alt text are in the story's language, in either direction.
  const search = el('input', { type: 'search', name: 'q', placeholder: 'Caption, credit or file name', dir: 'auto' });
  const results = el('ul', { className: 'media-grid' });
  const note = el('p', { className: 'field-hint' });
  note.setAttribute('role', 'status');
  const file = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/avif' });
  const caption = el('input', { type: 'text', dir: 'auto' });
  const credit = el('input', { type: 'text', dir: 'auto' });
  const alt = el('input', { type: 'text', dir: 'auto' });
  const uploadError = el('p', { className: 'field-error' });
  uploadError.setAttribute('role', 'alert');
  const upload = el('button', { type: 'submit', className: 'btn' }, 'Upload and choose');
  const close = el('button', { type: 'button', className: 'btn btn-quiet media-picker-close' }, 'Close');
  const searchForm = el('form', { className: 'media-search', role: 'search' }, labelled('Search the library', search), el('button', { type: 'submit', className: 'btn' }, 'Search'));
  const uploadForm = el('form', { className: 'media-upload' }, el('h3', {}, 'Upload a photo'), labelled('File (JPEG, PNG, WebP or AVIF)', file), el('div', { className: 'field-row' }, labelled('Caption', caption), labelled('Credit', credit)), labelled('Alt text (describe the photo)', alt), uploadError, upload);
  const dialog = el('dialog', { className: 'media-picker' }, el('div', { className: 'media-picker-head' }, el('h2', { id: 'media-picker-title' }, 'Choose a photo'), close), searchForm, note, results, uploadForm);
  dialog.setAttribute('aria-labelledby', 'media-picker-title');
  document.body.append(dialog);

  let onChoose: (item: MediaItem) => void = () => {};
  let onClose: () => void = () => {};
  let query = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const choose = (item: MediaItem) => {
    dialog.close();
    onChoose(item);
  };

  async function load(): Promise<void> {
    const mine = ++query;
    note.textContent = 'Loading…';
    try {
      const response = await fetch(`${mediaUrl}?q=${encodeURIComponent(search.value.trim())}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(await errorMessage(response));
      const body = (await response.json()) as { items?: unknown };
      if (mine !== query) return;
      const items = (Array.isArray(body.items) ? body.items : []).map(readMediaItem).filter((i): i is MediaItem => i !== null);
      results.replaceChildren(...items.map((item) => card(item, () => choose(item))));
      note.textContent = items.length ? `${items.length} photo${items.length === 1 ? '' : 's'}` : 'No photos found.';
    } catch (error) {
      if (mine === query) note.textContent = `The library could not be searched: ${error instanceof Error ? error.message : 'network error'}`;
    }
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  search.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void load(), 300);
  });
  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    uploadError.textContent = '';
    const chosen = file.files?.[0];
    if (!chosen) return void (uploadError.textContent = 'Choose a file first.');
    const data = new FormData();
    data.append('_csrf', csrfToken());
    data.append('caption', caption.value);
    data.append('credit', credit.value);
    data.append('alt', alt.value);
    data.append('file', chosen);
    upload.disabled = true;
    upload.textContent = 'Uploading…';
    try {
      const response = await fetch(mediaUrl, { method: 'POST', body: data, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(await errorMessage(response));
      const item = readMediaItem(await response.json());
      if (!item) throw new Error('The server did not describe the uploaded photo.');
      uploadForm.reset();
      choose(item);
    } catch (error) {
      uploadError.textContent = `Not uploaded: ${error instanceof Error ? error.message : 'network error'}`;
    } finally {
      upload.disabled = false;
      upload.textContent = 'Upload and choose';
    }
  });
  close.addEventListener('click', () => dialog.close());
  // A search box spends its first Escape on clearing itself; in this dialog Escape always closes.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  });
  // Escape closes a modal dialog by itself; every way of closing returns focus to where the picker was opened.
  dialog.addEventListener('close', () => onClose());

  return {
    open(chooseItem, returnFocus) {
      onChoose = chooseItem;
      onClose = returnFocus;
      uploadError.textContent = '';
      dialog.showModal();
      search.focus();
      search.select();
      void load();
    },
  };
}
