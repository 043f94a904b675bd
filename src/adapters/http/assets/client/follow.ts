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

/** Fills the Following page with the latest stories of the followed topics, rendered by the server. */
export async function loadFollowingPage(container: HTMLElement): Promise<void> {
  const follows = readFollows();
  if (follows.length === 0) return;
  const query = encodeURIComponent(follows.map((t) => t.slug).join(','));
  const response = await fetch(`/following/stories?topics=${query}`, { headers: { accept: 'text/html' } });
  if (!response.ok) return;
  const fragment = document.createRange().createContextualFragment(await response.text());
  container.replaceChildren(fragment);
}
