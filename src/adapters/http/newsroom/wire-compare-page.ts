/** @module The wire desk's comparison of two copies of one story: what one agency's copy adds to another's, as a word diff. */
import type { WireCopyDiff } from '../../../core/wire/wire-copy-diff.js';
import type { StoredWireItem } from '../../../core/wire/wire-store.js';
import { html, type SafeHtml } from '../html/html.js';
import { fieldDiffs } from '../html/word-diff-html.js';
import { staffTime, type StaffClock } from './staff-time.js';

function copyLabel(stored: StoredWireItem, clock: StaffClock): SafeHtml {
  const { item } = stored;
  return html`<a href="/newsroom/wire/${stored.id}"><strong><bdi>${item.agency ?? 'Unknown agency'}</bdi></strong>: <bdi>${item.headline}</bdi></a>
  <span class="field-hint">v${item.version} · received ${staffTime(stored.receivedAt, clock)}</span>`;
}

export function comparePage(input: { base: StoredWireItem; other: StoredWireItem; diff: WireCopyDiff; clock: StaffClock; sameStory: boolean }): SafeHtml {
  const { base, other, diff } = input;
  const otherAgency = other.item.agency ?? 'Unknown agency';
  return html`<h1>What <bdi>${otherAgency}</bdi> adds</h1>
<ul class="revision-list wire-compare-copies">
  <li>From ${copyLabel(base, input.clock)}</li>
  <li>To ${copyLabel(other, input.clock)}</li>
</ul>
${input.sameStory ? '' : html`<p class="field-hint">These copies are not in the same cluster: they may be different stories.</p>`}
<p class="field-hint" data-wire-diff-summary>${diff.addedWords} word${diff.addedWords === 1 ? '' : 's'} added, ${diff.removedWords} left out. Added words are underlined, words left out struck through.</p>
<div class="wire-compare" dir="auto">${fieldDiffs(diff.fields)}</div>
<p><a href="/newsroom/wire/${other.id}/compare/${base.id}">The other way round</a> · <a href="/newsroom/wire/${base.id}">Back to the item</a> · <a href="/newsroom/wire">Back to the wire</a></p>`;
}
