/**
 * @module Breaking-news alerts in this browser: the control on the Following and account pages (shown only where Web Push
 * exists and the site has a key), permission asked only on a click, and the followed topics sent again when they change.
 */
import { readFollows } from './follow.js';

/** What this browser last sent the site: kept so a change of follows (any tab, any page) is sent once. */
const SENT_KEY = 'dateline.push';
const FOLLOWS_KEY = 'dateline.follows';

interface SentState {
  topics: string[];
  breaking: boolean;
  edition: string;
}

export function isPushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function readSent(): SentState | null {
  try {
    const value = JSON.parse(localStorage.getItem(SENT_KEY) ?? 'null') as SentState | null;
    return value && Array.isArray(value.topics) ? value : null;
  } catch {
    return null;
  }
}

async function siteKey(): Promise<string | null> {
  try {
    const response = await fetch('/push/key', { headers: { accept: 'application/json' } });
    if (response.status !== 200) return null; // 204: this site sends no alerts
    const { publicKey } = (await response.json()) as { publicKey?: unknown };
    return typeof publicKey === 'string' && publicKey ? publicKey : null;
  } catch {
    return null;
  }
}

async function send(method: 'POST' | 'DELETE', body: unknown): Promise<boolean> {
  const response = await fetch('/push/subscriptions', {
    method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin',
  });
  return response.ok;
}

/** Sends the subscription with the topics followed now; remembers what was sent. */
async function save(subscription: PushSubscription, breaking: boolean, edition: string): Promise<boolean> {
  const topics = readFollows().map((t) => t.slug);
  const ok = await send('POST', { subscription: subscription.toJSON(), topics, breaking, edition });
  if (ok) localStorage.setItem(SENT_KEY, JSON.stringify({ topics, breaking, edition } satisfies SentState));
  return ok;
}

/** On any page: when this browser has alerts on and its follows changed since they were sent, sends them again. */
export async function resendPushTopics(): Promise<void> {
  const sent = readSent();
  if (!sent || !isPushSupported()) return;
  const topics = readFollows().map((t) => t.slug);
  if (topics.length === sent.topics.length && topics.every((t, i) => t === sent.topics[i])) return;
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) {
    localStorage.removeItem(SENT_KEY);
    return;
  }
  await save(subscription, sent.breaking, sent.edition);
}

/** Follows changed in another tab (storage event) or in this one (an event the follow buttons may send). */
export function watchFollowChanges(): void {
  window.addEventListener('storage', (event) => {
    if (event.key === FOLLOWS_KEY) void resendPushTopics();
  });
  document.addEventListener('dateline:follows-changed', () => void resendPushTopics());
}

export async function enablePushAlerts(root: ParentNode): Promise<void> {
  const control = root.querySelector<HTMLElement>('[data-push-alerts]');
  const button = control?.querySelector<HTMLButtonElement>('[data-push-toggle]');
  const breaking = control?.querySelector<HTMLInputElement>('[data-push-breaking]');
  const status = control?.querySelector<HTMLElement>('[data-push-status]');
  if (!control || !button || !breaking || !status || !isPushSupported()) return;
  const key = await siteKey();
  if (!key) return;
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const words = control.dataset;
  const edition = words['edition'] ?? '';
  let subscription = await registration.pushManager.getSubscription();
  const show = (message?: string) => {
    const on = subscription !== null;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = (on ? words['labelOff'] : words['labelOn']) ?? '';
    status.textContent = message ?? (on ? words['statusOn'] : words['statusOff']) ?? '';
  };
  const sent = readSent();
  if (sent) breaking.checked = sent.breaking;
  control.hidden = false;
  show();

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (subscription) {
        const endpoint = subscription.endpoint;
        await subscription.unsubscribe();
        subscription = null;
        localStorage.removeItem(SENT_KEY);
        await send('DELETE', { endpoint });
        return show();
      }
      // The browser's permission prompt only now, on the reader's own click.
      if ((await Notification.requestPermission()) !== 'granted') return show(words['statusDenied']);
      // The key as base64url text: the Push API takes it so (no byte conversion to get wrong).
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      show((await save(subscription, breaking.checked, edition)) ? undefined : words['statusFailed']);
    } catch {
      show(words['statusFailed']);
    } finally {
      button.disabled = false;
    }
  });
  breaking.addEventListener('change', () => {
    if (subscription) void save(subscription, breaking.checked, edition).then((ok) => show(ok ? undefined : words['statusFailed']));
  });
}
