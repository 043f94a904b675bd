/** @module Builds the newsroom once: accounts and sessions, the story workflow, the media library, and the event bus. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EventBus } from '../core/events/event-bus.js';
import type { Clock } from '../core/shared/clock.js';
import { createAuthService } from '../core/staff/auth-service.js';
import type { LoginThrottle, PasswordHasher } from '../core/staff/staff-stores.js';
import { createNewsroomService } from '../core/workflow/newsroom-service.js';
import { scheduledPublishingRound } from '../core/workflow/scheduled-publishing.js';
import { createArgon2PasswordHasher } from '../adapters/auth/argon2-password-hasher.js';
import { createMemoryLoginThrottle } from '../adapters/auth/memory-login-throttle.js';
import { createMemoryEventBus } from '../adapters/events/memory-event-bus.js';
import { createDiskMediaStorage } from '../adapters/media/disk-media-storage.js';
import { createPhotoProcessor } from '../adapters/media/image-variants.js';
import { createPhotoLibrary } from '../adapters/media/photo-library.js';
import { repeatEvery } from './repeat-timer.js';
import type { Storage } from './storage.js';

export interface NewsroomOptions {
  clock: Clock;
  mediaDir: string;
  maxUploadBytes: number;
  maxPixels: number;
  /** Tests pass a cheap hasher; production uses argon2id with OWASP parameters. */
  hasher?: PasswordHasher;
  throttle?: LoginThrottle;
  events?: EventBus;
}

export type NewsroomServices = ReturnType<typeof createNewsroomServices>;

export function createNewsroomServices(storage: Storage, options: NewsroomOptions) {
  const ids = { newId: () => randomUUID() };
  const bytes = (n: number) => randomBytes(n);
  const events = options.events ?? createMemoryEventBus();
  const mediaStorage = createDiskMediaStorage(options.mediaDir);
  const auth = createAuthService({
    users: storage.users, sessions: storage.sessions, hasher: options.hasher ?? createArgon2PasswordHasher(),
    throttle: options.throttle ?? createMemoryLoginThrottle(() => performance.now()), clock: options.clock, ids, randomBytes: bytes,
    digest: (text) => createHash('sha256').update(text).digest('hex'),
  });
  const newsroom = createNewsroomService({ articles: storage.articles, sections: storage.sections, events, ids, randomBytes: bytes, clock: options.clock });
  const media = createPhotoLibrary({
    processor: createPhotoProcessor({ storage: mediaStorage, maxBytes: options.maxUploadBytes, maxPixels: options.maxPixels }),
    storage: mediaStorage, store: storage.media, ids, clock: options.clock,
  });
  return { auth, newsroom, media, events, mediaStorage, maxUploadBytes: options.maxUploadBytes };
}

/** Publishes due scheduled stories now and every `everyMs`; safe with many processes (conditional update). */
export function startScheduler(services: Pick<NewsroomServices, 'newsroom'>, log: (published: string[]) => void, onError: (error: unknown) => void, everyMs = 15_000): () => void {
  return repeatEvery(scheduledPublishingRound(services.newsroom, { published: log, failed: onError }), everyMs);
}
