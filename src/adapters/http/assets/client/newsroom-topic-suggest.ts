/** @module Topic type-ahead: the last comma-separated name in the Topics field is looked up as the editor types; a new name simply stays. */
export function mountTopicSuggest(input: HTMLInputElement, list: HTMLElement, url: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAsked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(',');
      const current = (parts.pop() ?? '').trim();
      if (current.length < 2 || current === lastAsked) return;
      lastAsked = current;
      try {
        const res = await fetch(`${url}?q=${encodeURIComponent(current)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok) return;
        const body = (await res.json()) as { items?: { name?: unknown }[] };
        const before = parts.map((p) => p.trim()).filter(Boolean);
        list.replaceChildren(...(body.items ?? []).flatMap((item) => {
          if (typeof item.name !== 'string') return [];
          const option = document.createElement('option');
          option.value = [...before, item.name].join(', ');
          return [option];
        }));
      } catch {
        // Suggestions are a convenience: typing goes on without them.
      }
    }, 150);
  });
}
