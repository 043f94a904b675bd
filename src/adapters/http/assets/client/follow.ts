/** @module Follow topics and sections without an account: what is followed lives in this browser's localStorage (shared by every edition). */
import type { ClientMessages } from '../../i18n/client-messages.js';

const KEY = 'dateline.follows';
const SECTIONS_KEY = 'dateline.follows.sections';

export interface FollowedTopic {
  slug: string;
  name: string;
}

type FollowKind = 'topic' | 'section';
const keyOf = (kind: FollowKind) => (kind === 'topic' ? KEY : SECTIONS_KEY);

export function readFollows(kind: FollowKind = 'topic'): FollowedTopic[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(keyOf(kind)) ?? '[]');
    return Array.isArray(value)
      ? value.filter((t): t is FollowedTopic => typeof t?.slug === 'string' && typeof t?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

function writeFollows(follows: FollowedTopic[], kind: FollowKind = 'topic'): void {
  localStorage.setItem(keyOf(kind), JSON.stringify(follows));
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

export function enableFollowButtons(root: ParentNode, messages: ClientMessages): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-follow-topic]:not([data-ready]), button[data-follow-section]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    const kind: FollowKind = button.dataset['followSection'] !== undefined ? 'section' : 'topic';
    const attribute = kind === 'section' ? 'data-follow-section' : 'data-follow-topic';
    const slug = button.getAttribute(attribute) ?? '';
    render(button, readFollows(kind).some((t) => t.slug === slug), messages);
    button.addEventListener('click', () => {
      const follows = readFollows(kind);
      const following = follows.some((t) => t.slug === slug);
      writeFollows(following ? follows.filter((t) => t.slug !== slug) : [...follows, { slug, name: button.dataset['topicName'] ?? slug }], kind);
      document.querySelectorAll<HTMLButtonElement>(`button[${attribute}="${CSS.escape(slug)}"]`).forEach((b) => render(b, !following, messages));
    });
  });
}

/**
 * Fills the Following page with the latest stories of the followed topics, rendered by the server.
 * Topics the server reports as unknown are forgotten; the list has Unfollow buttons.
 */
export async function loadFollowingPage(container: HTMLElement, enhance: (root: ParentNode) => void, messages: ClientMessages): Promise<void> {
  const follows = readFollows();
  const sections = readFollows('section');
  if (follows.length === 0 && sections.length === 0) return;
  const query = encodeURIComponent(follows.map((t) => t.slug).join(','));
  const sectionQuery = encodeURIComponent(sections.map((t) => t.slug).join(','));
  try {
    // The stories come in the page's edition (its words, its path prefix).
    const prefix = document.documentElement.dataset['pathPrefix'] ?? '';
    // Only the lists a reader has, so a reader of topics alone asks for the same URL (and cache entry) as before sections.
    const params = [follows.length ? `topics=${query}` : '', sections.length ? `sections=${sectionQuery}` : ''].filter(Boolean).join('&');
    const response = await fetch(`${prefix}/following/stories?${params}`, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    const fragment = document.createRange().createContextualFragment(await response.text());
    // Forget only what the site says it does not have (a topic may have been merged or removed).
    const results = fragment.querySelector<HTMLElement>('[data-unknown-topics]');
    const unknown = new Set((results?.dataset['unknownTopics'] ?? '').split(',').filter(Boolean));
    if (unknown.size) writeFollows(follows.filter((t) => !unknown.has(t.slug)));
    const unknownSections = new Set((results?.dataset['unknownSections'] ?? '').split(',').filter(Boolean));
    if (unknownSections.size) writeFollows(sections.filter((t) => !unknownSections.has(t.slug)), 'section');
    container.replaceChildren(fragment);
    enhance(container);
  } catch {
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = messages.followingFailed;
    container.append(note);
  }
}
