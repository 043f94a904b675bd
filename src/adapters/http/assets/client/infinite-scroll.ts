/** @module Infinite scroll: near the end of a story, the next one (with its own sidebar) loads below; the address bar and title follow the story in view. */
import { fillIn, type ClientMessages } from '../../i18n/client-messages.js';

type Enhance = (root: ParentNode) => void;

function watchStories(stream: HTMLElement, messages: ClientMessages): IntersectionObserver {
  const site = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content ?? '';
  // A story is "in view" when it crosses a line a third of the way down the viewport.
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const story = entry.target as HTMLElement;
      const url = story.dataset['url'];
      if (url && url !== location.pathname) {
        history.replaceState(history.state, '', url);
        document.title = fillIn(messages.pageTitle, { title: story.dataset['title'] ?? '', site });
      }
    }
  }, { rootMargin: '-33% 0px -66% 0px' });
  stream.querySelectorAll('article.story').forEach((s) => observer.observe(s));
  return observer;
}

export function enableInfiniteScroll(stream: HTMLElement, enhance: Enhance, messages: ClientMessages): void {
  const stories = watchStories(stream, messages);
  let loading = false;
  const loader = new IntersectionObserver(async (entries) => {
    const entry = entries.find((e) => e.isIntersecting);
    if (!entry || loading) return;
    const nav = entry.target as HTMLElement;
    const link = nav.querySelector<HTMLAnchorElement>('a[data-next-fragment]');
    if (!link) return;
    // The stream wraps around from the oldest story to the newest: stop once a story would repeat.
    if (stream.querySelector(`article.story[data-url="${CSS.escape(link.pathname)}"]`)) return;
    loading = true;
    loader.unobserve(nav);
    try {
      const response = await fetch(link.dataset['nextFragment'] ?? '', { headers: { accept: 'text/html' } });
      // A story that is gone or missing will not come back: keep the plain link and stop here.
      if (response.status >= 400 && response.status < 500) return;
      if (!response.ok) throw new Error(String(response.status));
      const fragment = document.createRange().createContextualFragment(await response.text());
      const added = Array.from(fragment.children) as HTMLElement[];
      nav.replaceWith(fragment);
      for (const el of added) {
        // A story arrives in its unit, with its own sidebar (Related, Most read) right after it.
        (el.matches('article.story') ? [el] : Array.from(el.querySelectorAll<HTMLElement>('article.story'))).forEach((story) => stories.observe(story));
        if (el.matches('nav.next-story')) loader.observe(el);
        enhance(el);
      }
    } catch {
      // A network or server failure: the plain link still works; try once more a little later.
      if (!nav.dataset['retried']) {
        nav.dataset['retried'] = '1';
        window.setTimeout(() => loader.observe(nav), 5000);
      }
    } finally {
      loading = false;
    }
  }, { rootMargin: '0px 0px 600px 0px' });
  stream.querySelectorAll('nav.next-story').forEach((n) => loader.observe(n));
}
