import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSite, fixtureText, type TestSite } from '../support/test-site.js';

let site: TestSite;
beforeEach(async () => {
  site = await createTestSite({ withFixture: false });
});
afterEach(async () => {
  await site.close();
});

async function stored() {
  return site.storage.db.selectFrom('articles').innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.headline', 'articles.dateline', 'articles.highlights', 'articles.body', 'articles.status', 'articles.slug',
      'articles.lead_image_url', 'articles.lead_image_caption', 'articles.lead_image_credit', 'articles.first_published_at',
      'articles.updated_at', 'articles.source_kind', 'articles.source_agency', 'sections.name as section'])
    .orderBy('articles.created_at').execute();
}

describe('importing the demo capture', () => {
  it('gives exactly six published stories with every field right', async () => {
    const summary = await site.importText(fixtureText());
    expect(summary).toMatchObject({ imported: 6, duplicates: 0, failed: 0, errors: [] });
    const rows = await stored();
    expect(rows).toHaveLength(6);
    const byHeadline = new Map(rows.map((r) => [r.headline, r]));
    const russia = byHeadline.get('Russia and North Korea sign partnership deal that appears to be the strongest since Cold War')!;
    expect(russia.status).toBe('published');
    expect(russia.section).toBe('World');
    expect(russia.dateline).toBe('SEOUL');
    expect(JSON.parse(russia.highlights)).toEqual([
      'Russian leader hails ‘close friendship’ between the two countries based on ‘equality and respect of mutual interests’',
      'North Korean state media described the meeting between the leaders as a historic event',
    ]);
    expect(russia.lead_image_url).toBeNull();
    expect(russia.lead_image_caption).toBe('North Korean leader Kim Jong Un, center right, and Russian President Vladimir Putin, left, attend a welcoming ceremony at Kim Il Sung Square in Pyongyang on June 19, 2024.');
    expect(russia.lead_image_credit).toBe('Sputnik/AFP');
    expect(russia.updated_at).toBe('2024-06-19T12:00:00.000Z');
    expect(russia.first_published_at! < russia.updated_at!).toBe(true);
    const body = JSON.parse(russia.body) as { text: string }[];
    expect(body[0]!.text.startsWith('Russian President Vladimir Putin and North Korean leader')).toBe(true);
    expect(body.at(-1)!.text.startsWith('The Koreas also have engaged')).toBe(true);

    const crash = byHeadline.get('South Korea plane crash investigators find feathers in engines')!;
    expect(crash.updated_at).toBe('2025-01-17T14:59:58.000Z');
    expect(crash.first_published_at).toBe(crash.updated_at);
    expect(crash.lead_image_caption).toBeNull();
    expect(crash.source_agency).toBe('AFP');
    expect(byHeadline.get('Police detain suspect in stabbing of Bollywood actor Saif Ali Khan')!.updated_at).toBe('2025-01-17T14:21:24.000Z');
    expect(byHeadline.get('Kyiv says Ukraine missiles hit army radars in Russia')!.updated_at).toBe('2025-01-17T14:02:41.000Z');
    const datelines = rows.map((r) => r.dateline);
    expect(datelines).toEqual(['SEOUL', 'SEOUL', 'MUMBAI', 'KYIV', 'LONDON', 'MOSCOW']);
    const agencies = rows.map((r) => r.source_agency);
    expect(agencies).toEqual([null, 'AFP', 'Reuters', 'AFP', 'Sky News', 'TASS']);
    expect(rows.filter((r) => r.updated_at?.startsWith('2025-01-17T12:00')).length).toBe(2);
  });

  it('attaches the topics the text names', async () => {
    await site.importText(fixtureText());
    const topics = await site.storage.db.selectFrom('topics').select(['name', 'kind']).execute();
    const names = new Map(topics.map((t) => [t.name, t.kind]));
    expect(names.get('Vladimir Putin')).toBe('person');
    expect(names.get('Kim Jong Un')).toBe('person');
    expect(names.get('North Korea')).toBe('place');
    expect(names.get('Pyongyang')).toBe('place');
  });

  it('is idempotent: a second import of the same file stores nothing new', async () => {
    await site.importText(fixtureText());
    const again = await site.importText(fixtureText());
    expect(again).toMatchObject({ imported: 0, duplicates: 6, failed: 0 });
    expect(await stored()).toHaveLength(6);
  });

  it('reports a broken story by line, stores nothing of it, and keeps the good ones', async () => {
    const lines = fixtureText().split('\n');
    const updatedLine = lines.findIndex((l) => l === 'Updated 38 min 36 sec ago');
    lines[updatedLine] = 'Updated whenever';
    const summary = await site.importText(lines.join('\n'));
    expect(summary.imported).toBe(5);
    expect(summary.failed).toBe(1);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]!.line).toBe(updatedLine + 1);
    expect(summary.errors[0]!.message).toMatch(/whenever/);
    const headlines = (await stored()).map((r) => r.headline);
    expect(headlines).not.toContain('Police detain suspect in stabbing of Bollywood actor Saif Ali Khan');
    const orphans = await site.storage.db.selectFrom('revisions').select('id')
      .where('article_id', 'not in', (eb) => eb.selectFrom('articles').select('id')).execute();
    expect(orphans).toHaveLength(0);
  });

  it('never dates a story after the capture: a date-only time is capped at the capture time, a later day is refused', async () => {
    const text = fixtureText();
    const morning = await createTestSite({ withFixture: false, capturedAt: new Date('2025-01-17T09:00:00Z') });
    const summary = await morning.importText(text.replace('Updated 19 June 2024', 'Updated 18 January 2025'));
    const rows = await morning.storage.db.selectFrom('articles').select(['headline', 'updated_at']).execute();
    await morning.close();
    expect(summary.failed).toBe(1);
    expect(summary.errors[0]?.message).toMatch(/after the capture time/);
    for (const row of rows) expect(row.updated_at! <= '2025-01-17T09:00:00.000Z', row.headline).toBe(true);
    expect(rows.filter((r) => r.updated_at === '2025-01-17T09:00:00.000Z')).toHaveLength(2);
  });

  it('files stories under the section it is given and keeps search in step', async () => {
    await site.importText(fixtureText(), 'Asia Pacific');
    const rows = await stored();
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(['Asia Pacific']));
    const found = await site.deps.reader.search('feathers engines', 1, { editionId: 'en', language: 'en' });
    expect(found.results.map((r) => r.summary.headline)).toEqual(['South Korea plane crash investigators find feathers in engines']);
  });
});
