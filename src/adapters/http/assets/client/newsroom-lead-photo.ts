/** @module The lead photo field: its button opens the media picker; the choice fills the hidden id, the preview and empty text fields. */
import type { MediaPicker } from './newsroom-media-picker.js';

function input(field: HTMLElement, name: string): HTMLInputElement | null {
  return field.querySelector<HTMLInputElement>(`input[name="${name}"]`);
}

export function enableLeadPhoto(field: HTMLElement, picker: MediaPicker): void {
  const button = field.querySelector<HTMLButtonElement>('button[data-pick-lead-photo]');
  if (!button) return;
  button.addEventListener('click', () => {
    picker.open((item) => {
      const id = input(field, 'lead_media_id');
      if (id) id.value = item.id;
      const preview = field.querySelector<HTMLImageElement>('img.lead-photo-preview');
      if (preview) {
        preview.src = item.url;
        preview.alt = item.alt;
        preview.hidden = false;
      }
      const fill: [string, string][] = [['lead_caption', item.caption], ['lead_credit', item.credit], ['lead_alt', item.alt]];
      for (const [name, value] of fill) {
        const target = input(field, name);
        if (target && target.value.trim() === '') target.value = value;
      }
      // Programmatic changes fire no events: tell the autosave.
      (id ?? field).dispatchEvent(new Event('change', { bubbles: true }));
    }, () => button.focus());
  });
}
