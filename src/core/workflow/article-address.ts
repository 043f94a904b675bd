/** @module A story as an editor pastes it: a reader address (/ar/article/slug, with or without the host), a newsroom edit address, or a bare slug. */

export type ArticleAddress = { kind: 'id'; id: string } | { kind: 'slug'; slug: string };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not percent-encoded after all: use it as typed
  }
}

/** What the pasted text names, or null when it is no story address at all. The slug or id is not looked up here. */
export function parseArticleAddress(text: string): ArticleAddress | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const path = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#][\s\S]*$/, '');
  const segments = path.split('/').filter((s) => s.length > 0).map(decoded);
  if (segments[0] === 'newsroom') {
    const id = segments[1] === 'stories' ? segments[2] : undefined;
    return id ? { kind: 'id', id } : null;
  }
  const at = segments.indexOf('article');
  if (at >= 0) {
    const slug = segments[at + 1];
    return slug ? { kind: 'slug', slug } : null;
  }
  // A bare slug (or id) has no slash and no spaces.
  if (!path.includes('/') && segments.length === 1 && !/\s/.test(segments[0]!)) return { kind: 'slug', slug: segments[0]! };
  return null;
}
