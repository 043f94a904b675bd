/** Helpers for the editions and translations tests: an Arabic edition and section set up through the admin pages, stories made and moved over HTTP. */
import { expect } from 'vitest';
import type { StaffSession } from '../support/newsroom-session.js';
import type { TestSite } from '../support/test-site.js';

export const ARABIC_EDITION = { id: 'ar', language: 'ar', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh', direction: '' };

export function storyForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    headline: 'Crown prince visits Seoul', highlights: 'Talks on energy and trade', dateline: 'SEOUL', section: 'world', topics: 'South Korea',
    authors: 'Staff Writer', body: JSON.stringify([{ type: 'paragraph', text: 'The visit began on Monday.' }]), ...overrides,
  };
}

export function arabicStoryForm(section: string, overrides: Record<string, string> = {}): Record<string, string> {
  return storyForm({
    headline: 'زيارة ولي العهد إلى سيول', highlights: 'محادثات حول الطاقة والتجارة', dateline: 'سيول', section, topics: 'كوريا الجنوبية',
    authors: 'محرر الأخبار', body: JSON.stringify([{ type: 'paragraph', text: 'بدأت الزيارة يوم الاثنين.' }]), ...overrides,
  });
}

export async function addArabicEdition(admin: StaffSession): Promise<void> {
  const res = await admin.post('/newsroom/editions', ARABIC_EDITION);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
}

/** Adds a section to an edition through the sections admin; returns its slug. */
export async function addSection(site: TestSite, admin: StaffSession, name: string, edition: string): Promise<string> {
  const res = await admin.post('/newsroom/sections', { name, edition });
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  const found = (await site.storage.sections.list(edition)).find((s) => s.name === name);
  return found!.slug;
}

export async function createArticle(session: StaffSession, headline: string, section: string): Promise<string> {
  const res = await session.post('/newsroom/stories', { headline, section });
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return /\/newsroom\/stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
}

/** Takes a workflow action with the story's current version; expects it to succeed. */
export async function act(site: TestSite, session: StaffSession, id: string, action: string, form: Record<string, string>): Promise<void> {
  const version = String((await site.storage.articles.findState(id))!.version);
  const res = await session.post(`/newsroom/stories/${id}`, { ...form, version, action });
  expect(res.statusCode, `${action}: ${res.body.slice(0, 400)}`).toBe(303);
}

/** A published story in `section`, made by `session` (an editor or admin); returns its id and slug. */
export async function publishedStory(site: TestSite, session: StaffSession, form: Record<string, string>): Promise<{ id: string; slug: string }> {
  const id = await createArticle(session, form['headline'] ?? 'Story', form['section'] ?? 'world');
  await act(site, session, id, 'publish', form);
  return { id, slug: (await site.storage.articles.findState(id))!.slug };
}

export const readerPath = (prefix: string, slug: string) => `${prefix}/article/${encodeURIComponent(slug)}`;

/** Does the page link to this path (relative or on the test site's origin)? */
export function linksTo(body: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`href="(?:http://news\\.test)?${escaped}"`).test(body);
}
