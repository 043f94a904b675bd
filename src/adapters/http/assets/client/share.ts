/** @module The short URL copy button: copies the link and says so to screen readers too. */
export function enableCopyButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-copy]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    button.hidden = false;
    const input = document.getElementById(button.dataset['copy'] ?? '') as HTMLInputElement | null;
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    button.addEventListener('click', async () => {
      if (!input) return;
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        input.select();
        document.execCommand('copy');
      }
      if (status) status.textContent = 'Link copied';
    });
  });
}
