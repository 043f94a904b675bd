/**
 * @module Follow topics, sections and authors. Signed out, what is followed lives in this browser's localStorage (shared
 * by every edition). Signed in, the account holds it too: the browser's list is merged into the account at sign-in, a
 * click writes to both, and the account page and the Following page take the account's list as the truth.
 * Whether a reader is signed in is asked of GET /account/follows ({signedIn:false} signed out): no cookie or attribute tells a script.
 */
import type { ClientMessages } from '../../i18n/client-messages.js';

export type FollowKind = 'topic' | 'section' | 'author';

export interface FollowedTopic {
  slug: string;
  name: string;
}

const KEYS: Record<FollowKind, string> = { topic: 'dateline.follows', section: 'dateline.follows.sections', author: 'dateline.follows.authors' };
const ATTRIBUTES: Record<FollowKind, string> = { topic: 'data-follow-topic', section: 'data-follow-section', author: 'data-follow-author' };
const LISTS = { topic: 'topics', section: 'sections', author: 'authors' } as const;
const KINDS: readonly FollowKind[] = ['topic', 'section', 'author'];

export function readFollows(kind: FollowKind = 'topic'): FollowedTopic[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEYS[kind]) ?? '[]');
    return Array.isArray(value)
      ? value.filter((t): t is FollowedTopic => typeof t?.slug === 'string' && typeof t?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

function writeFollows(follows: FollowedTopic[], kind: FollowKind = 'topic', announce = true): void {
  localStorage.setItem(KEYS[kind], JSON.stringify(follows));
  // Push alerts send the followed topics again when they change (push-alerts.ts).
  if (announce) document.dispatchEvent(new CustomEvent('dateline:follows-changed'));
}

type FollowLists = Record<'topics' | 'sections' | 'authors', FollowedTopic[]>;
interface AccountFollows {
  signedIn: true;
  csrfToken: string;
  follows: FollowLists;
}

const prefix = () => document.documentElement.dataset['pathPrefix'] ?? '';
let account: Promise<AccountFollows | null> | null = null;

/** The signed-in reader's follows and CSRF token, asked once per page; null when signed out or unreachable. */
function accountFollows(): Promise<AccountFollows | null> {
  account ??= fetch(`${prefix()}/account/follows`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<AccountFollows | { signedIn: false }>) : null))
    .then((answer) => (answer?.signedIn ? answer : null))
    .catch(() => null);
  return account;
}

/** The account's lists become this browser's. */
function adoptAccountFollows(follows: FollowLists): void {
  for (const kind of KINDS) writeFollows(follows[LISTS[kind]].map(({ slug, name }) => ({ slug, name })), kind, false);
  document.dispatchEvent(new CustomEvent('dateline:follows-changed'));
}

async function writeToAccount(kind: FollowKind, slug: string, following: boolean): Promise<void> {
  const signedIn = await accountFollows();
  if (!signedIn) return;
  await fetch(`${prefix()}/account/follows/${kind}/${encodeURIComponent(slug)}`, {
    method: following ? 'POST' : 'DELETE', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': signedIn.csrfToken },
  }).catch(() => undefined);
}

/** The label in the page's words, then the topic's name for screen readers, isolated as the server writes it. */
function render(button: HTMLButtonElement, following: boolean, messages: ClientMessages): void {
  button.setAttribute('aria-pressed', String(following));
  button.textContent = following ? messages.following : messages.follow;
  const name = document.createElement('bdi');
  name.textContent = button.dataset['topicName'] ?? '';
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.append(' ', name);
  button.append(hidden);
}

const kindOf = (button: HTMLButtonElement): FollowKind =>
  button.dataset['followSection'] !== undefined ? 'section' : button.dataset['followAuthor'] !== undefined ? 'author' : 'topic';

export function enableFollowButtons(root: ParentNode, messages: ClientMessages): void {
  const selector = KINDS.map((kind) => `button[${ATTRIBUTES[kind]}]:not([data-ready])`).join(', ');
  root.querySelectorAll<HTMLButtonElement>(selector).forEach((button) => {
    button.dataset['ready'] = '1';
    const kind = kindOf(button);
    const attribute = ATTRIBUTES[kind];
    const slug = button.getAttribute(attribute) ?? '';
    render(button, readFollows(kind).some((t) => t.slug === slug), messages);
    button.addEventListener('click', () => {
      const follows = readFollows(kind);
      const following = follows.some((t) => t.slug === slug);
      writeFollows(following ? follows.filter((t) => t.slug !== slug) : [...follows, { slug, name: button.dataset['topicName'] ?? slug }], kind);
      document.querySelectorAll<HTMLButtonElement>(`button[${attribute}="${CSS.escape(slug)}"]`).forEach((b) => render(b, !following, messages));
      void writeToAccount(kind, slug, !following);
    });
  });
  // The whole page (not a fragment added later): the account page keeps the account and this browser in step.
  if (root === document) void syncAccountPage();
}

/**
 * On the account page: right after sign-in (data-account-merge), this browser's follows go into the account and the
 * page's list is fetched again; then the account's list becomes this browser's.
 */
async function syncAccountPage(): Promise<void> {
  const page = document.querySelector<HTMLElement>('[data-account]');
  if (!page) return;
  const csrfToken = page.dataset['csrf'] ?? '';
  let lists = (await accountFollows())?.follows ?? null;
  if (page.hasAttribute('data-account-merge')) {
    const body = { topics: readFollows('topic').map((t) => t.slug), sections: readFollows('section').map((t) => t.slug), authors: readFollows('author').map((t) => t.slug) };
    if (body.topics.length + body.sections.length + body.authors.length > 0) {
      const merged = await fetch(`${prefix()}/account/follows/merge`, {
        method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
      }).then((r) => (r.ok ? (r.json() as Promise<{ follows: FollowLists }>) : null)).catch(() => null);
      if (merged) {
        lists = merged.follows;
        await refreshAccountFollows(page);
      }
    }
  }
  if (lists) adoptAccountFollows(lists);
}

/** Replaces the account page's list of follows with the server's current one. */
async function refreshAccountFollows(page: HTMLElement): Promise<void> {
  const response = await fetch(location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } }).catch(() => null);
  if (!response?.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-account-follows]');
  const current = page.querySelector('[data-account-follows]');
  if (fresh && current) current.replaceWith(document.importNode(fresh, true));
}

/**
 * Fills the Following page with the latest stories of the followed topics, rendered by the server.
 * Signed in, the account's list is taken first. Topics the server reports as unknown are forgotten; the list has Unfollow buttons.
 */
export async function loadFollowingPage(container: HTMLElement, enhance: (root: ParentNode) => void, messages: ClientMessages): Promise<void> {
  const signedIn = await accountFollows();
  if (signedIn) adoptAccountFollows(signedIn.follows);
  const lists = { topic: readFollows('topic'), section: readFollows('section'), author: readFollows('author') };
  if (KINDS.every((kind) => lists[kind].length === 0)) return;
  // Only the lists a reader has, so a reader of topics alone asks for the same URL (and cache entry) as before sections.
  const names: Record<FollowKind, string> = { topic: 'topics', section: 'sections', author: 'authors' };
  const params = KINDS.filter((kind) => lists[kind].length).map((kind) => `${names[kind]}=${encodeURIComponent(lists[kind].map((t) => t.slug).join(','))}`).join('&');
  try {
    // The stories come in the page's edition (its words, its path prefix).
    const response = await fetch(`${prefix()}/following/stories?${params}`, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    const fragment = document.createRange().createContextualFragment(await response.text());
    // Forget only what the site says it does not have (a topic may have been merged or removed).
    const results = fragment.querySelector<HTMLElement>('[data-unknown-topics]');
    const unknownOf: Record<FollowKind, string> = { topic: 'unknownTopics', section: 'unknownSections', author: 'unknownAuthors' };
    for (const kind of KINDS) {
      const unknown = new Set((results?.dataset[unknownOf[kind]] ?? '').split(',').filter(Boolean));
      if (unknown.size) writeFollows(lists[kind].filter((t) => !unknown.has(t.slug)), kind);
    }
    container.replaceChildren(fragment);
    enhance(container);
  } catch {
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = messages.followingFailed;
    container.append(note);
  }
}
