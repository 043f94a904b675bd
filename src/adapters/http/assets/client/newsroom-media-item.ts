/** @module A photo of the media library as the newsroom's JSON describes it, read defensively. */

export interface MediaItem {
  id: string;
  /** A display variant, a path on this site or an absolute http(s) URL. */
  url: string;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
  alt: string;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function size(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** The item, or null when it has no id or no usable image URL. The upload answer may wrap it in `item`. */
export function readMediaItem(value: unknown): MediaItem | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw['item'] === 'object' && raw['item'] !== null && raw['id'] === undefined) return readMediaItem(raw['item']);
  const id = typeof raw['id'] === 'number' ? String(raw['id']) : str(raw['id']);
  const url = str(raw['url']);
  if (!id || !(/^\/(?![/\\])/.test(url) || /^https?:\/\//i.test(url))) return null;
  return { id, url, width: size(raw['width']), height: size(raw['height']), caption: str(raw['caption']), credit: str(raw['credit']), alt: str(raw['alt']) };
}
