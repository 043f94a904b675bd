/** @module The 404 of machine-read resources (feeds, sitemaps): plain text, and never cached, so a later publish is seen at once. */
import { makePage, type Page } from '../page-cache.js';

export function notFoundResource(what: string): Page {
  return makePage({ status: 404, contentType: 'text/plain; charset=utf-8', body: `${what} not found\n` });
}
