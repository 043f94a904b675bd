/** @module A browser's breaking-news subscription: saved with the topics it follows (by slug), or forgotten. */
import type { Clock } from '../shared/clock.js';
import type { PushSubscriptionInput, PushSubscriptionStore } from './push-subscription-store.js';

/** What the browser sends: the stored subscription with topic slugs instead of ids. */
export interface SubscribeInput extends Omit<PushSubscriptionInput, 'topicIds'> {
  /** Topic slugs from the browser's follows; unknown ones are left out. */
  topics: readonly string[];
}

export function createPushSubscriptionService(deps: { subscriptions: PushSubscriptionStore; clock: Clock }) {
  async function subscribe(input: SubscribeInput): Promise<{ id: string; topics: string[]; unknownTopics: string[] }> {
    const slugs = [...new Set(input.topics)];
    const found = await deps.subscriptions.topicIdsBySlugs(slugs);
    const id = await deps.subscriptions.upsert({
      endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth, readerId: input.readerId, editionId: input.editionId,
      breaking: input.breaking, topicIds: [...found.values()],
    }, deps.clock.now());
    return { id, topics: slugs.filter((s) => found.has(s)), unknownTopics: slugs.filter((s) => !found.has(s)) };
  }

  const unsubscribe = (endpoint: string): Promise<boolean> => deps.subscriptions.removeByEndpoint(endpoint);

  return { subscribe, unsubscribe };
}

export type PushSubscriptionService = ReturnType<typeof createPushSubscriptionService>;
