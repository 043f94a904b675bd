/** @module The reader site's one script: ticking times, copy, share, follow, Following page, infinite scroll, live updates, in the page's language. */
import { readClientMessages } from '../../i18n/client-messages.js';
import { enableFollowButtons, loadFollowingPage } from './follow.js';
import { enableInfiniteScroll } from './infinite-scroll.js';
import { startLiveUpdates } from './live-updates.js';
import { enablePushAlerts, resendPushTopics, watchFollowChanges } from './push-alerts.js';
import { enableCopyButtons, enableShareButtons } from './share.js';
import { editionOf, refreshTimes, startTicking } from './ticking-times.js';

function start(): void {
  document.documentElement.classList.add('js');
  // The page's words for everything the script writes, from <html data-messages> (the CSP allows no inline script).
  const messages = readClientMessages(document.documentElement);
  const edition = editionOf(document);
  const enhance = (root: ParentNode): void => {
    enableCopyButtons(root, messages);
    enableShareButtons(root);
    enableFollowButtons(root, messages);
    refreshTimes(root, edition, new Date());
  };
  enhance(document);
  startTicking(document);
  const stream = document.querySelector<HTMLElement>('[data-stream]');
  if (stream && 'IntersectionObserver' in window) enableInfiniteScroll(stream, enhance, messages);
  const following = document.querySelector<HTMLElement>('[data-following]');
  if (following) void loadFollowingPage(following, enhance, messages);
  startLiveUpdates(enhance, messages);
  void enablePushAlerts(document);
  void resendPushTopics();
  watchFollowChanges();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
