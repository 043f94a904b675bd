/** @module Which addresses a body image may have: an absolute http(s) URL or a /media/ path of this site. Shared by the body schema and the editor. */

/** A path of this site's media library, e.g. /media/3f/3f2a…-640.webp; no backslash anywhere. */
const MEDIA_PATH = /^\/media\/[^/\\?#][^\\]*$/;
/** A `.` or `..` path segment, also percent-encoded: the path must stay inside /media/. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:[/?#]|$)/i;
/** An absolute http(s) URL: the scheme (any case), two slashes, a host. */
const WEB_URL = /^https?:\/\/[^/\\?#@\s]/i;
/** White space and control characters: a browser drops some of them inside a scheme (`java\tscript:`), so none is allowed. */
// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

export const BODY_IMAGE_URL_RULE = 'an image address must be an absolute http(s) URL or a /media/ path of this site';

/** True when `url` may be an image's source in a story body. Everything else (javascript:, data:, //host, relative paths) is refused. */
export function isBodyImageUrl(url: string): boolean {
  if (url.length === 0 || url.length > 2_000 || SPACE_OR_CONTROL.test(url)) return false;
  if (MEDIA_PATH.test(url)) return !DOT_SEGMENT.test(url);
  if (!WEB_URL.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
