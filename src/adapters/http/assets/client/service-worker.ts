/**
 * @module The reader site's service worker (/sw.js, scope /): shows breaking-news alerts pushed to this browser and opens
 * the story when one is clicked. It caches nothing and never touches fetches: pages stay as the server sends them.
 */

/** What the site's web-push sender puts in each push (adapters/push/web-push-sender.ts). */
interface AlertPayload {
  title?: unknown;
  body?: unknown;
  url?: unknown;
  tag?: unknown;
  lang?: unknown;
  dir?: unknown;
}

// The few parts of the service worker scope used here (the DOM lib the project compiles with has no WebWorker types).
interface ExtendableEvent extends Event { waitUntil(promise: Promise<unknown>): void }
interface PushEvent extends ExtendableEvent { data: { json(): unknown; text(): string } | null }
interface NotificationEvent extends ExtendableEvent { notification: Notification & { data: unknown } }
interface WindowClient { url: string; focus(): Promise<WindowClient>; navigate(url: string): Promise<WindowClient | null> }
interface WorkerScope {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
}

declare const self: WorkerScope;

/** Replaced by the hashed URL of the site's icon when the server loads this script (static-assets.ts). */
const ICON = 'DATELINE_ICON_URL';

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** A path or URL of this site; anything else (another origin, javascript:) becomes the home page. */
export function sameOriginUrl(value: unknown, origin: string): string {
  try {
    const url = new URL(typeof value === 'string' && value ? value : '/', origin);
    return url.origin === origin && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : `${origin}/`;
  } catch {
    return `${origin}/`;
  }
}

function readPayload(event: PushEvent): AlertPayload {
  try {
    const value = event.data?.json();
    return value && typeof value === 'object' ? (value as AlertPayload) : {};
  } catch {
    return { body: event.data?.text() ?? '' };
  }
}

self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  const payload = readPayload(event);
  const dir = payload.dir === 'rtl' || payload.dir === 'ltr' ? payload.dir : 'auto';
  // Every push shows a notification (browsers require it): one with no words at all still names the site.
  const title = text(payload.title, 200) || self.location.host;
  const options: NotificationOptions = {
    body: text(payload.body, 500), tag: text(payload.tag, 100) || undefined, dir, lang: text(payload.lang, 35),
    data: { url: sameOriginUrl(payload.url, self.location.origin) },
    ...(ICON.startsWith('/') ? { icon: ICON } : {}),
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const target = sameOriginUrl(data?.url, self.location.origin);
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((w) => w.url === target);
    if (open) return open.focus();
    return self.clients.openWindow(target);
  })());
});
