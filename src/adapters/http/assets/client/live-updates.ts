/** @module Live updates from /live (Server-Sent Events): a "new stories" bar on lists, a notice when the open story changes, in the page's language. */
import { countText, fillIn, type ClientMessages } from '../../i18n/client-messages.js';

type Enhance = (root: ParentNode) => void;

interface StoryMessage {
  type: 'story.published' | 'story.updated' | 'story.unpublished';
  slug: string;
  headline?: string;
  section?: string;
  topics?: string[];
  /** The story's edition id: a page counts only its own edition's stories. */
  edition?: string;
}

/** The page's edition as `<html>` states it: its id, URL prefix (`/ar` or '') and Intl locale. */
interface PageEdition {
  id: string;
  prefix: string;
  locale: string;
}

function pageEdition(): PageEdition {
  const data = document.documentElement.dataset;
  return { id: data['edition'] ?? '', prefix: data['pathPrefix'] ?? '', locale: data['locale'] ?? 'en-GB' };
}

const storyUrl = (edition: PageEdition, slug: string) => `${edition.prefix}/article/${encodeURIComponent(slug)}`;

/** A tab hidden this long closes its stream (the server holds one per reader); it reopens when the tab is shown. */
const HIDDEN_LONG_MS = 5 * 60_000;

/**
 * Which new stories belong on this list: home and Latest take all of the page's edition, a section or
 * topic page its own; null elsewhere. A message without an edition (an older server) counts everywhere.
 */
function listFilter(edition: PageEdition): ((m: StoryMessage) => boolean) | null {
  if (location.search) return null; // an older page of a list: new stories are not shown there
  if (edition.prefix && !(location.pathname + '/').startsWith(`${edition.prefix}/`)) return null;
  const path = location.pathname.slice(edition.prefix.length).replace(/\/$/, '') || '/';
  const ours = (m: StoryMessage) => !m.edition || m.edition === edition.id;
  if (path === '/' || path === '/latest') return ours;
  const match = /^\/(section|topic)\/([^/]+)$/.exec(path);
  if (!match) return null;
  const slug = decodeURIComponent(match[2] ?? '');
  return match[1] === 'section' ? (m) => ours(m) && m.section === slug : (m) => ours(m) && (m.topics ?? []).includes(slug);
}

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  return b;
}

/** The bar: a polite live region fixed at the top of the window, so nothing on the page moves when it appears. */
function createBar(main: HTMLElement, messages: ClientMessages) {
  const bar = document.createElement('div');
  bar.className = 'live-bar';
  bar.setAttribute('role', 'status');
  bar.setAttribute('aria-live', 'polite');
  main.before(bar);
  const hide = () => bar.replaceChildren();
  const show = (text: string, action: { label: string; run: () => void } | null) => {
    const message = document.createElement('span');
    message.className = 'live-bar-text';
    message.textContent = text;
    const dismiss = button('×', 'live-bar-dismiss');
    dismiss.setAttribute('aria-label', messages.dismiss);
    dismiss.addEventListener('click', hide);
    const act = action ? button(action.label, 'live-bar-action') : null;
    act?.addEventListener('click', action!.run);
    bar.replaceChildren(message, ...(act ? [act] : []), dismiss);
  };
  return { show, hide };
}

/** Fetches this list afresh and swaps it in, on the reader's click; a full reload if that fails. */
async function refreshList(main: HTMLElement, enhance: Enhance): Promise<void> {
  try {
    const response = await fetch(location.pathname, { cache: 'no-cache', headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
    if (!fresh) throw new Error('no main');
    // A static copy first: moving nodes out of a live NodeList while reading it would skip every other one.
    main.replaceChildren(...Array.from(fresh.childNodes));
    enhance(main);
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  } catch {
    location.reload();
  }
}

function onList(main: HTMLElement, accepts: (m: StoryMessage) => boolean, enhance: Enhance, edition: PageEdition, messages: ClientMessages): (m: StoryMessage) => void {
  const bar = createBar(main, messages);
  const fresh = new Set<string>();
  return (m) => {
    if (m.type === 'story.unpublished') fresh.delete(m.slug);
    else if (m.type === 'story.published' && accepts(m) && !main.querySelector(`a[href="${CSS.escape(storyUrl(edition, m.slug))}"]`)) fresh.add(m.slug);
    else return;
    if (fresh.size === 0) return bar.hide();
    bar.show(countText(messages.newStories, fresh.size, edition.locale), {
      label: messages.show,
      run: () => { fresh.clear(); bar.hide(); void refreshList(main, enhance); },
    });
  };
}

function onStories(main: HTMLElement, edition: PageEdition, messages: ClientMessages): (m: StoryMessage) => void {
  const bar = createBar(main, messages);
  return (m) => {
    const url = storyUrl(edition, m.slug);
    const story = main.querySelector<HTMLElement>(`article.story[data-url="${CSS.escape(url)}"]`);
    if (!story || m.type === 'story.published') return;
    // Infinite scroll may show several stories: name the one that changed unless it is the one in the address bar.
    const which = location.pathname === url ? messages.thisStory : fillIn(messages.namedStory, { headline: m.headline ?? story.dataset['title'] ?? '' });
    if (m.type === 'story.unpublished') return bar.show(fillIn(messages.unavailable, { story: which }), null);
    bar.show(fillIn(messages.updated, { story: which }), {
      label: messages.reload,
      run: () => (location.pathname === url ? location.reload() : location.assign(url)),
    });
  };
}

/** Keeps one EventSource open while the tab is in use; reconnects after refusals (503) with a growing, spread delay. */
function listen(onMessage: (m: StoryMessage) => void): void {
  let source: EventSource | null = null;
  let refusals = 0;
  let retryTimer: number | undefined;
  let hiddenTimer: number | undefined;
  const close = () => { window.clearTimeout(retryTimer); source?.close(); source = null; };
  const open = () => {
    if (source) return;
    const es = new EventSource('/live');
    source = es;
    es.addEventListener('open', () => { refusals = 0; });
    es.addEventListener('story', (event) => {
      try {
        onMessage(JSON.parse((event as MessageEvent<string>).data) as StoryMessage);
      } catch {
        // A message this script does not understand (a newer server): ignore it.
      }
    });
    es.addEventListener('error', () => {
      // Network errors are retried by EventSource itself (the server's retry: hint); a refused stream is not.
      if (es.readyState !== EventSource.CLOSED) return;
      close();
      const delay = Math.min(300_000, 15_000 * 2 ** refusals++) * (0.5 + Math.random());
      retryTimer = window.setTimeout(open, delay);
    });
  };
  document.addEventListener('visibilitychange', () => {
    window.clearTimeout(hiddenTimer);
    if (document.hidden) hiddenTimer = window.setTimeout(close, HIDDEN_LONG_MS);
    else open();
  });
  // Leaving the page closes the stream (and keeps the page eligible for the back/forward cache).
  window.addEventListener('pagehide', close);
  window.addEventListener('pageshow', (event) => { if (event.persisted) open(); });
  open();
  if (document.hidden) hiddenTimer = window.setTimeout(close, HIDDEN_LONG_MS);
}

export function startLiveUpdates(enhance: Enhance, messages: ClientMessages): void {
  const main = document.querySelector<HTMLElement>('main');
  if (!main || !('EventSource' in window)) return;
  const edition = pageEdition();
  const accepts = listFilter(edition);
  if (accepts) return listen(onList(main, accepts, enhance, edition, messages));
  if (main.querySelector('[data-stream] article.story[data-url]')) listen(onStories(main, edition, messages));
}
