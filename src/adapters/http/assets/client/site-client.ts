/** @module The reader site's one script: ticking times, copy, follow, Following page, infinite scroll, live updates. */
import { enableFollowButtons, loadFollowingPage } from './follow.js';
import { enableInfiniteScroll } from './infinite-scroll.js';
import { startLiveUpdates } from './live-updates.js';
import { enableCopyButtons } from './share.js';
import { editionOf, refreshTimes, startTicking } from './ticking-times.js';

function enhance(root: ParentNode): void {
  enableCopyButtons(root);
  enableFollowButtons(root);
  refreshTimes(root, editionOf(document), new Date());
}

function start(): void {
  document.documentElement.classList.add('js');
  enhance(document);
  startTicking(document);
  const stream = document.querySelector<HTMLElement>('[data-stream]');
  if (stream && 'IntersectionObserver' in window) enableInfiniteScroll(stream, enhance);
  const following = document.querySelector<HTMLElement>('[data-following]');
  if (following) void loadFollowingPage(following, enhance);
  startLiveUpdates(enhance);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
