/** @module The words the browser script shows (live updates, copy, follow), as each page hands them over; no dependencies, so it bundles small. */

/** What the server puts in `<html data-messages>`: catalogue messages already formatted for the page's edition. */
export interface ClientMessages {
  /** A page's title; `{title}` and `{site}` mark where the story's headline and the site's name go. */
  pageTitle: string;
  /** "N new stories" by plural category (`one`, `few`…) and exact match (`=0`); `#` stands for the number. */
  newStories: Record<string, string>;
  show: string;
  dismiss: string;
  thisStory: string;
  /** A quoted headline; `{headline}` marks where it goes. */
  namedStory: string;
  /** `{story}` marks where "This story" or a quoted headline goes. */
  unavailable: string;
  updated: string;
  reload: string;
  copied: string;
  copyFailed: string;
  follow: string;
  following: string;
  followingFailed: string;
}

/** The page's messages; a page without them (never served so) gets empty words rather than a broken script. */
export function readClientMessages(root: HTMLElement): ClientMessages {
  try {
    return JSON.parse(root.dataset['messages'] ?? '{}') as ClientMessages;
  } catch {
    return {} as ClientMessages;
  }
}

/** A count in its plural form, with the number in the locale's digits: "3 new stories", "٣ قصص جديدة". */
export function countText(forms: Record<string, string> | undefined, count: number, locale: string): string {
  const all = forms ?? {};
  const form = all[`=${count}`] ?? all[new Intl.PluralRules(locale).select(count)] ?? all['other'] ?? '#';
  return form.split('#').join(new Intl.NumberFormat(locale).format(count));
}

/** A message with `{name}` slots filled in (one pass: a value is never read as a slot). */
export function fillIn(template: string | undefined, values: Readonly<Record<string, string>>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
