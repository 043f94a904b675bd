/**
 * @module The editor's link dialog (instead of the browser's prompt()): the address, checked before it is applied
 * (http, https, mailto or a path on this site), and the link's text, editable; Remove for an existing link.
 */
import { normaliseLinkUrl } from './newsroom-urls.js';

export interface LinkRequest {
  href: string;
  text: string;
  /** The selection is already a link: offer Remove. */
  isLink: boolean;
}

export interface LinkDialog {
  open(request: LinkRequest, apply: (href: string, text: string) => void, remove: () => void, closed: () => void): void;
}

const MARKUP = `<form method="dialog" novalidate>
  <h2 id="link-dialog-title">Link</h2>
  <div class="field"><label class="field-label" for="link-url">Address</label>
    <input id="link-url" type="text" inputmode="url" autocomplete="off" spellcheck="false" dir="ltr" aria-describedby="link-url-hint link-url-error">
    <p class="field-hint" id="link-url-hint">https://…, http://…, an e-mail address, or a path on this site such as /article/…</p>
    <p class="field-error" id="link-url-error" role="alert"></p></div>
  <div class="field"><label class="field-label" for="link-text">Text</label>
    <input id="link-text" type="text" dir="auto" aria-describedby="link-text-hint">
    <p class="field-hint" id="link-text-hint">What readers see and click. Left empty, the address itself.</p></div>
  <div class="button-row">
    <button class="btn btn-primary" type="submit">Apply</button>
    <button class="btn btn-danger" type="button" data-link-remove>Remove link</button>
    <button class="btn" type="button" data-link-cancel>Cancel</button>
  </div>
</form>`;

export function createLinkDialog(): LinkDialog {
  const dialog = document.createElement('dialog');
  dialog.className = 'nr-dialog link-dialog';
  dialog.setAttribute('aria-labelledby', 'link-dialog-title');
  // Static markup only: every value typed or taken from the story goes in through .value.
  dialog.innerHTML = MARKUP;
  document.body.append(dialog);
  const form = dialog.querySelector('form')!;
  const url = dialog.querySelector<HTMLInputElement>('#link-url')!;
  const text = dialog.querySelector<HTMLInputElement>('#link-text')!;
  const error = dialog.querySelector<HTMLElement>('#link-url-error')!;
  const removeButton = dialog.querySelector<HTMLButtonElement>('[data-link-remove]')!;
  let current: { apply: (href: string, text: string) => void; remove: () => void; closed: () => void } | null = null;

  const showError = (message: string) => {
    error.textContent = message;
    url.setAttribute('aria-invalid', message ? 'true' : 'false');
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const href = normaliseLinkUrl(url.value);
    if (href === null) {
      showError(url.value.trim() ? 'This address cannot be a link: use https://…, http://…, an e-mail address or a path on this site starting with /.' : 'Type the address the link goes to.');
      url.focus();
      return;
    }
    current?.apply(href, text.value.trim() || href);
    dialog.close();
  });
  removeButton.addEventListener('click', () => {
    current?.remove();
    dialog.close();
  });
  dialog.querySelector('[data-link-cancel]')!.addEventListener('click', () => dialog.close());
  url.addEventListener('input', () => { if (error.textContent) showError(''); });
  dialog.addEventListener('close', () => {
    const done = current;
    current = null;
    done?.closed();
  });

  return {
    open(request, apply, remove, closed) {
      current = { apply, remove, closed };
      url.value = request.href;
      text.value = request.text;
      removeButton.hidden = !request.isLink;
      showError('');
      dialog.showModal();
      url.focus();
      url.select();
    },
  };
}
