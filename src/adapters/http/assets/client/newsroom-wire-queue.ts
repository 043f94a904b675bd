/**
 * @module The wire queue stays live: new stories of the same filter appear at the top without a reload, and a story
 * a new copy has joined moves up with its new count (a row per cluster, `data-wire-stamp` telling when it changed),
 * announced to screen readers. A row whose copies are open is updated in place without closing them.
 */
const POLL_MS = 3000;

export function mountWireQueue(): void {
  const table = document.querySelector<HTMLTableElement>('table[data-wire-live]');
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const url = table.dataset['wireLive'] ?? '';
  const announce = document.querySelector<HTMLElement>('[data-wire-announce]');
  let failures = 0;

  const poll = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const { rows } = (await res.json()) as { rows: { id: string; cluster: string; stamp: string; html: string }[] };
      const shown = new Map([...body.querySelectorAll<HTMLElement>('tr[data-wire-cluster]')].map((tr) => [tr.dataset['wireCluster'], tr]));
      const changed = rows.filter((r) => shown.get(r.cluster)?.dataset['wireStamp'] !== r.stamp);
      // Rows come newest first: insert from the oldest changed one so the newest ends on top.
      for (const row of [...changed].reverse()) {
        const template = document.createElement('template');
        template.innerHTML = row.html; // server-rendered with the escaping html tag
        const tr = template.content.firstElementChild;
        if (!tr) continue;
        const old = shown.get(row.cluster);
        if (old?.querySelector('details')?.open) tr.querySelector('details')?.setAttribute('open', '');
        old?.remove();
        tr.classList.add('is-new');
        body.prepend(tr);
      }
      if (changed.length && announce) announce.textContent = `${changed.length} new wire item${changed.length > 1 ? 's' : ''}.`;
      document.querySelector('.wire-empty')?.remove();
      failures = 0;
    } catch {
      failures++;
    }
    setTimeout(() => void poll(), Math.min(POLL_MS * 2 ** failures, 60_000));
  };
  setTimeout(() => void poll(), POLL_MS);
}
