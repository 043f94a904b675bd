/** @module The wire queue stays live: new rows of the same filter appear at the top without a reload, announced to screen readers. */
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
      const { rows } = (await res.json()) as { rows: { id: string; html: string }[] };
      const known = new Set([...body.querySelectorAll<HTMLElement>('tr[data-wire-id]')].map((tr) => tr.dataset['wireId']));
      const fresh = rows.filter((r) => !known.has(r.id));
      // Rows come newest first: insert from the oldest new one so the newest ends on top.
      for (const row of [...fresh].reverse()) {
        const template = document.createElement('template');
        template.innerHTML = row.html; // server-rendered with the escaping html tag
        const tr = template.content.firstElementChild;
        if (tr) {
          tr.classList.add('is-new');
          body.prepend(tr);
        }
      }
      if (fresh.length && announce) announce.textContent = `${fresh.length} new wire item${fresh.length > 1 ? 's' : ''}.`;
      document.querySelector('.wire-empty')?.remove();
      failures = 0;
    } catch {
      failures++;
    }
    setTimeout(() => void poll(), Math.min(POLL_MS * 2 ** failures, 60_000));
  };
  setTimeout(() => void poll(), POLL_MS);
}
