/** @module A word diff as HTML: <ins> and <del>, escaped like everything else. */
import type { FieldDiff } from '../../../core/revisions/word-diff.js';
import { html, type SafeHtml } from './html.js';

export function fieldDiffs(diffs: FieldDiff[]): SafeHtml {
  if (diffs.length === 0) return html`<p class="empty-state">No differences in the text.</p>`;
  return html`${diffs.map((d) => html`<section class="diff" aria-label="${d.label}">
  <h3>${d.label}</h3>
  <p>${d.parts.map((p) => (p.kind === 'added' ? html`<ins>${p.text}</ins>` : p.kind === 'removed' ? html`<del>${p.text}</del>` : p.text))}</p>
</section>`)}`;
}
