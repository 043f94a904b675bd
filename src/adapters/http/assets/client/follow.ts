/** @module Follow topics without an account: the followed topics live in this browser's localStorage. */
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

function render(button: HTMLButtonElement, following: boolean): void {
  const name = button.dataset['topicName'] ?? '';
  button.setAttribute('aria-pressed', String(following));
  button.textContent = following ? 'Following' : 'Follow';
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` ${name}`;
  button.append(hidden);
}

export function enableFollowButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-follow-topic]:not([data-ready])').forEach((button) => {
    button.dataset['ready'] = '1';
    button.hidden = false;
    const slug = button.dataset['followTopic'] ?? '';
    render(button, readFollows().some((t) => t.slug === slug));
    button.addEventListener('click', () => {
      const follows = readFollows();
      const following = follows.some((t) => t.slug === slug);
      writeFollows(following ? follows.filter((t) => t.slug !== slug) : [...follows, { slug, name: button.dataset['topicName'] ?? slug }]);
      document.querySelectorAll<HTMLButtonElement>(`button[data-follow-topic="${CSS.escape(slug)}"]`).forEach((b) => render(b, !following));
    });
  });
}

/**
 * Fills the Following page with the latest stories of the followed topics, rendered by the server.
 * Topics the server reports as unknown are forgotten; the list has Unfollow buttons.
 */
export async function loadFollowingPage(container: HTMLElement, enhance: (root: ParentNode) => void): Promise<void> {
  const follows = readFollows();
  if (follows.length === 0) return;
  const query = encodeURIComponent(follows.map((t) => t.slug).join(','));
  try {
    const response = await fetch(`/following/stories?topics=${query}`, { headers: { accept: 'text/html' } });
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
    note.textContent = 'The stories of the topics you follow could not be loaded just now. Please reload the page to try again.';
    container.append(note);
  }
}
