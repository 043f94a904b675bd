/** @module Follow topics without an account: the followed topics live in this browser's localStorage (shared by every edition). */
import type { ClientMessages } from '../../i18n/client-messages.js';

const KEY = 'dateline.follows';

export interface FollowedTopic {
  slug: string;
  name: string;
}

export function readFollows(): FollowedTopic[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((t): t is FollowedTopic => typeof t?.slug === 'string' && typeof t?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

function writeFollows(topics: FollowedTopic[]): void {
  localStorage.setItem(KEY, JSON.stringify(topics));
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
  root.querySelectorAll<HTMLButtonElement>('button[data-follow-topic]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    const slug = button.dataset['followTopic'] ?? '';
    render(button, readFollows().some((t) => t.slug === slug), messages);
    button.addEventListener('click', () => {
      const follows = readFollows();
      const following = follows.some((t) => t.slug === slug);
      writeFollows(following ? follows.filter((t) => t.slug !== slug) : [...follows, { slug, name: button.dataset['topicName'] ?? slug }]);
      document.querySelectorAll<HTMLButtonElement>(`button[data-follow-topic="${CSS.escape(slug)}"]`).forEach((b) => render(b, !following, messages));
    });
  });
}

/**
 * Fills the Following page with the latest stories of the followed topics, rendered by the server.
 * Topics the server reports as unknown are forgotten; the list has Unfollow buttons.
 */
export async function loadFollowingPage(container: HTMLElement, enhance: (root: ParentNode) => void, messages: ClientMessages): Promise<void> {
  const follows = readFollows();
  if (follows.length === 0) return;
  const query = encodeURIComponent(follows.map((t) => t.slug).join(','));
  try {
    // The stories come in the page's edition (its words, its path prefix).
    const prefix = document.documentElement.dataset['pathPrefix'] ?? '';
    const response = await fetch(`${prefix}/following/stories?topics=${query}`, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    const fragment = document.createRange().createContextualFragment(await response.text());
    // Forget only what the site says it does not have (a topic may have been merged or removed).
    const unknown = new Set((fragment.querySelector<HTMLElement>('[data-unknown-topics]')?.dataset['unknownTopics'] ?? '').split(',').filter(Boolean));
    if (unknown.size) writeFollows(follows.filter((t) => !unknown.has(t.slug)));
    container.replaceChildren(fragment);
    enhance(container);
  } catch {
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = messages.followingFailed;
    container.append(note);
  }
}
