/** @module EventBus within one process: events reach this process's subscribers only (Redis carries them across processes). */
import type { DomainEvent, EventBus } from '../../core/events/event-bus.js';

export function createMemoryEventBus(onError: (error: unknown, event: DomainEvent) => void = () => {}): EventBus {
  const handlers = new Set<(event: DomainEvent) => void>();
  return {
    async publish(event) {
      for (const handler of handlers) {
        try {
          handler(event);
        } catch (error) {
          onError(error, event); // one broken subscriber never stops the others or the publish
        }
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
