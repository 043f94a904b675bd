/** @module A delivery rendered as an e-mail, and the per-kind renderers the e-mail sender calls at sending time. */
import type { Delivery, DeliveryKind } from './delivery.js';

export interface RenderedMail {
  subject: string;
  /** The HTML part: every value escaped by the renderer. */
  html: string;
  /** The plain-text part. */
  text: string;
  /** RFC 2369 List-Unsubscribe target (https URL of the one-click endpoint); with it, RFC 8058's List-Unsubscribe-Post is sent. */
  unsubscribeUrl?: string;
}

/** Renders one delivery; null when there is nothing to send any more (recorded as skipped, not failed). */
export type MailRenderer = (delivery: Delivery) => Promise<RenderedMail | null>;

export type MailRenderers = Partial<Record<DeliveryKind, MailRenderer>>;

/** A push delivery rendered as the JSON the service worker shows (title, body, url, tag). */
export interface RenderedPush {
  title: string;
  body: string;
  /** Where a click on the notification goes (the story's URL). */
  url: string;
  /** One notification per story on a device: a second round replaces the first. */
  tag: string;
  /** Hours the push service may hold it for an offline browser (TTL). */
  ttlSeconds: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
}

export type PushRenderer = (delivery: Delivery) => Promise<RenderedPush | null>;
