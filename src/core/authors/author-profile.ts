/** @module An author's profile (photo, bio, role, links) as the newsroom edits it and the author page shows it; the links' rules. */
import type { NamedRef } from '../articles/article.js';

/** A link on an author's page: a web address and the name it is shown under (X, LinkedIn, Website …). */
export interface AuthorLink {
  label: string;
  url: string;
}

export interface AuthorProfile extends NamedRef {
  bio: string | null;
  /** e.g. "Chief political correspondent". */
  jobTitle: string | null;
  /** A media library photo. */
  photoId: string | null;
  links: AuthorLink[];
}

/** What an editor of the profile submits (the name stays: it is the byline on every story). */
export interface AuthorProfileChange {
  bio: string | null;
  jobTitle: string | null;
  photoId: string | null;
  links: string[];
}

export const MAX_AUTHOR_LINKS = 6;
export const MAX_AUTHOR_BIO = 1000;
export const MAX_AUTHOR_JOB_TITLE = 100;
const MAX_URL = 500;

/** Sites a link is named after; anything else is the author's website. */
const KNOWN_SITES: readonly (readonly [RegExp, string])[] = [
  [/^(www\.)?(x|twitter)\.com$/, 'X'],
  [/^(www\.)?linkedin\.com$/, 'LinkedIn'],
  [/^(www\.)?facebook\.com$/, 'Facebook'],
  [/^(www\.)?instagram\.com$/, 'Instagram'],
  [/^(www\.)?threads\.net$/, 'Threads'],
  [/^bsky\.app$/, 'Bluesky'],
  [/^(www\.)?youtube\.com$/, 'YouTube'],
  [/^(www\.)?github\.com$/, 'GitHub'],
];

/** An absolute http(s) address without credentials, at most 500 characters: the only links a profile keeps. */
export function isWebAddress(text: string): boolean {
  if (text.length > MAX_URL || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function authorLinkOf(address: string): AuthorLink {
  const host = new URL(address).hostname.toLowerCase();
  const known = KNOWN_SITES.find(([pattern]) => pattern.test(host));
  return { label: known ? known[1] : 'Website', url: address };
}

export type ProfileProblem = { ok: false; field: 'links' | 'bio' | 'jobTitle'; message: string };

/** The links as stored (blank lines dropped), or what is wrong with the change. */
export function checkProfileChange(change: AuthorProfileChange): { ok: true; links: AuthorLink[] } | ProfileProblem {
  if ((change.bio ?? '').length > MAX_AUTHOR_BIO) return { ok: false, field: 'bio', message: `A bio can have at most ${MAX_AUTHOR_BIO} characters.` };
  if ((change.jobTitle ?? '').length > MAX_AUTHOR_JOB_TITLE) return { ok: false, field: 'jobTitle', message: `A role can have at most ${MAX_AUTHOR_JOB_TITLE} characters.` };
  const addresses = change.links.map((l) => l.trim()).filter((l) => l.length > 0);
  if (addresses.length > MAX_AUTHOR_LINKS) return { ok: false, field: 'links', message: `At most ${MAX_AUTHOR_LINKS} links.` };
  const bad = addresses.find((a) => !isWebAddress(a));
  if (bad !== undefined) return { ok: false, field: 'links', message: 'Each link must be a full http:// or https:// address.' };
  return { ok: true, links: [...new Set(addresses)].map(authorLinkOf) };
}
