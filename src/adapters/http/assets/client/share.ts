/** @module The short URL copy button: copies the link and says so to screen readers too, in the page's language. */
import type { ClientMessages } from '../../i18n/client-messages.js';

export function enableCopyButtons(root: ParentNode, messages: ClientMessages): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-copy]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    button.hidden = false;
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
