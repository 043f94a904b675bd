/** An import announces each story it stores as the newsroom announces a publish (story.published with the story's surrogate keys), and nothing for duplicates or failures. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/core/events/event-bus.js';
import { createMemoryEventBus } from '../../src/adapters/events/memory-event-bus.js';
import { parseTextCapture } from '../../src/adapters/wire/text-capture-parser.js';
import { createImporter } from '../../src/main/app-services.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { fixedClock } from '../../src/core/shared/clock.js';

const CAPTURED_AT = new Date('2025-01-17T15:00:00Z');

/** One capture of one story, as the text-capture format lays it out. */
function capture(headline: string, paragraph: string): string {
  return [headline, '', headline, 'A photo (Agency)', 'Short Url', 'Updated 5 min 3 sec ago', 'Follow', '', headline, '', headline,
    '  • The first highlight', '', paragraph, ''].join('\n');
}

let storage: Storage | null = null;
afterEach(async () => { await storage?.close(); storage = null; });

describe('import announcements', () => {
  it('announces story.published with the story\'s keys once per stored story, never for a duplicate', async () => {
    storage = await openStorage('sqlite::memory:');
    const events = createMemoryEventBus();
    const heard: DomainEvent[] = [];
    events.subscribe((event) => heard.push(event));
    const importer = await createImporter(storage, 'UTC', fixedClock(CAPTURED_AT), events);
    const text = [
      capture('Минск и Сеул подписали соглашение 🤝', 'SEOUL: Officials from both capitals signed the deal on Friday.'),
      capture('東京で新しい橋が開通', 'TOKYO: The bridge opened to traffic in the morning.'),
    ].join('\n');
    const first = await importer.importParsed(parseTextCapture(text), { capturedAt: CAPTURED_AT, sectionName: 'العالم' });
    expect(first).toMatchObject({ imported: 2, failed: 0 });
    expect(heard).toHaveLength(2);
    for (const [i, slug] of first.slugs.entries()) {
      const event = heard[i];
      expect(event).toMatchObject({ type: 'story.published', slug });
      if (event?.type !== 'story.published') throw new Error('not a story event');
      expect(event.articleId).toBe(await storage.articles.findIdBySlug(slug));
      expect(event.tags).toEqual(expect.arrayContaining([`article:${slug}`, 'section:العالم', 'home', 'feeds']));
    }

    const again = await importer.importParsed(parseTextCapture(text), { capturedAt: CAPTURED_AT, sectionName: 'العالم' });
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect(heard).toHaveLength(2);
  });
});
