/** @module Sharing: the short URL's Copy button (said to screen readers too, in the page's language) and the browser's share sheet. */
import type { ClientMessages } from '../../i18n/client-messages.js';

export function enableCopyButtons(root: ParentNode, messages: ClientMessages): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-copy]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    const input = document.getElementById(button.dataset['copy'] ?? '') as HTMLInputElement | null;
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    button.addEventListener('click', async () => {
      if (!input) return;
      let copied = true;
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        input.select();
        copied = document.execCommand('copy');
      }
      if (!status) return;
      // Clear first so a second click is announced again.
      status.textContent = '';
      window.setTimeout(() => {
        status.textContent = copied ? messages.copied : messages.copyFailed;
      }, 50);
    });
  });
}

/** The Share button opens the browser's share sheet with the story's short URL; a browser without one drops the button. */
export function enableShareButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-share-url]:not([data-ready])').forEach((button) => {
    if (typeof navigator.share !== 'function') {
      button.hidden = true;
      return;
    }
    button.dataset['ready'] = '1';
    button.addEventListener('click', () => {
      // A reader who closes the sheet rejects the promise: nothing to say then.
      navigator.share({ title: button.dataset['shareTitle'] ?? document.title, url: button.dataset['shareUrl'] ?? location.href }).catch(() => undefined);
    });
  });
}
