/** @module Links that open a confirmation <dialog> on the same page (Unpublish…); without the script they lead to a page of their own. */

export function mountConfirmDialogs(root: ParentNode = document): void {
  root.querySelectorAll<HTMLAnchorElement>('a[data-unpublish-dialog]').forEach((link) => {
    const dialog = document.getElementById(link.dataset['unpublishDialog'] ?? '');
    if (!(dialog instanceof HTMLDialogElement)) return;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      dialog.showModal();
      dialog.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    });
    dialog.querySelectorAll<HTMLAnchorElement>('[data-close-dialog]').forEach((cancel) => cancel.addEventListener('click', (event) => {
      event.preventDefault();
      dialog.close();
    }));
    // Every way of closing (Escape, Cancel) gives focus back to the link that opened it.
    dialog.addEventListener('close', () => link.focus());
  });
}
