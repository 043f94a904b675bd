/** @module Surrogate keys on the wire: a page's cache tags as ASCII tokens, the same in response headers and in purges. */

const KEY_SAFE = /^[A-Za-z0-9:._~-]*$/;

/**
 * A cache tag as a header-safe token. Tags name stories, sections, topics and authors by slug, and slugs may be
 * Arabic or Cyrillic; HTTP header values must be ASCII and keys are space-separated, so every other character is
 * percent-encoded as UTF-8 (`topic:%D9%82%D8%B7%D8%B1`). ASCII tags pass unchanged, so keys from before stay valid.
 */
export function surrogateKey(tag: string): string {
  if (KEY_SAFE.test(tag)) return tag;
  // ':' stays readable (article:…, topic:…), as in ASCII tags.
  return encodeURIComponent(tag.normalize('NFC')).replace(/%3A/g, ':').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The space-separated header value of a set of tags, each encoded once. */
export function surrogateKeyList(tags: readonly string[]): string {
  return [...new Set(tags.map(surrogateKey))].join(' ');
}
