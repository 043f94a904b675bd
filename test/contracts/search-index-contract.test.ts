/** The SearchIndex and SearchWriter contract, on every storage engine: ranking, phrases, highlights, paging, hostile input. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { MATCH_END, MATCH_START, type SearchResults, type SearchScope } from '../../src/core/search/search-index.js';
import { parseSearchQuery, type SearchQuery } from '../../src/core/search/search-query.js';
import type { Storage } from '../../src/main/storage.js';
import { makeArticle, paragraph } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';
import { engineSkipReason } from '../support/required-engines.js';

function query(text: string): SearchQuery {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(`bad test query ${text}: ${parsed.reason}`);
  return parsed.value;
}

const ENGLISH: SearchScope = { editionId: 'en', language: 'en' };

async function search(storage: Storage, text: string, page = { limit: 10, offset: 0 }, scope = ENGLISH): Promise<SearchResults> {
  return storage.search.search(query(text), page, scope);
}

/** The words inside match markers. */
function markedWords(text: string): string[] {
  const marked = [...text.matchAll(new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g'))].map((m) => m[1] ?? '');
  return marked.flatMap((m) => m.split(/\s+/)).filter(Boolean);
}

function unmarked(text: string): string {
  return text.replace(new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g'), '');
}

describeStorageContract('SearchIndex', ({ open, name, searchWriter }) => {
  it('ranks a headline match above a highlights match above a body match, and marks the headline', async () => {
    const storage = await open();
    const inBody = makeArticle({ headline: 'Harvest report', highlights: ['Markets open'], body: paragraph('Dates from Qassim reach markets.') });
    const inHighlights = makeArticle({ headline: 'Farm news', highlights: ['Qassim farmers gather'], body: paragraph('A quiet week.') });
    const inHeadline = makeArticle({ headline: 'Qassim dates festival opens', highlights: ['Crowds expected'], body: paragraph('Farmers gather.') });
    await storage.articles.insertMany([inBody, inHeadline, inHighlights]);
    const found = await search(storage, 'qassim');
    expect(found).toMatchObject({ total: 3, totalCapped: false, order: 'relevance' });
    expect(found.hits.map((h) => h.articleId)).toEqual([inHeadline.id, inHighlights.id, inBody.id]);
    expect(found.hits[0]?.headline).toBe(`${MATCH_START}Qassim${MATCH_END} dates festival opens`);
    expect(found.hits[2]?.headline).toBe('Harvest report');
    expect(markedWords(found.hits[2]?.snippet ?? '')).toEqual(['Qassim']);
    expect(unmarked(found.hits[2]?.snippet ?? '')).toContain('Dates from Qassim reach markets.');
  });

  it('needs every term, in any order, and matches case-insensitively and by word stem', async () => {
    const storage = await open();
    const both = makeArticle({ headline: 'Treaty signed in Pyongyang', body: paragraph('Putin and Kim sign a defence treaty at festivals.') });
    const one = makeArticle({ headline: 'Putin visits Beijing', body: paragraph('A state visit.') });
    await storage.articles.insertMany([both, one]);
    expect((await search(storage, 'TREATY putin')).hits.map((h) => h.articleId)).toEqual([both.id]);
    expect((await search(storage, 'putin')).total).toBe(2);
    expect((await search(storage, 'festival')).hits.map((h) => h.articleId)).toEqual([both.id]);
    expect((await search(storage, 'treaties')).hits.map((h) => h.articleId)).toEqual([both.id]);
    expect((await search(storage, 'putin zanzibar')).total).toBe(0);
  });

  it('matches a quoted phrase only with its words together and in order, and marks them', async () => {
    const storage = await open();
    const phrase = makeArticle({ headline: 'Putin and Kim sign pact', body: paragraph('Leaders of Russia and North Korea met in Pyongyang.') });
    const apart = makeArticle({ headline: 'Korea weather', body: paragraph('Snow in the north of Korea; the south braces for cold.') });
    await storage.articles.insertMany([phrase, apart]);
    const found = await search(storage, '"North Korea"');
    expect(found.hits.map((h) => h.articleId)).toEqual([phrase.id]);
    expect(markedWords(found.hits[0]?.snippet ?? '')).toEqual(['North', 'Korea']);
    expect((await search(storage, '"Korea North"')).total).toBe(0);
    expect((await search(storage, 'north korea')).total).toBe(2);
  });

  it('returns stored text as plain text with markers: markup in it is not interpreted or escaped', async () => {
    const storage = await open();
    const body = '<script>alert(1)</script> Qassim & more';
    const hostile = makeArticle({ headline: 'Tom & Jerry <b>Qassim</b> "quoted"', body: paragraph(body) });
    await storage.articles.insert(hostile);
    const [hit] = (await search(storage, 'qassim')).hits;
    expect(unmarked(hit?.headline ?? '')).toBe('Tom & Jerry <b>Qassim</b> "quoted"');
    expect(markedWords(hit?.headline ?? '')).toEqual(['Qassim']);
    const snippet = unmarked(hit?.snippet ?? '').replace(/^…|…$/g, '');
    expect([hostile.headline, body].some((text) => text.includes(snippet)), snippet).toBe(true);
    expect(markedWords(hit?.snippet ?? '')).toEqual(['Qassim']);
  });

  it('shows a passage around the match of a long body, with ellipses where it was cut', async () => {
    const storage = await open();
    const filler = (word: string) => Array.from({ length: 40 }, (_, i) => `${word}${i}`).join(' ');
    const long = makeArticle({ headline: 'Harvest', body: paragraph(`${filler('before')}. Dates from Qassim reach markets. ${filler('after')}.`) });
    await storage.articles.insert(long);
    const snippet = (await search(storage, 'qassim')).hits[0]?.snippet ?? '';
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(markedWords(snippet)).toEqual(['Qassim']);
    expect(snippet.split(/\s+/).length).toBeLessThanOrEqual(40);
    expect(long.body[0]?.type === 'paragraph' && long.body[0].text).toContain(unmarked(snippet).slice(1, -1));
  });

  it('never lets a story carry its own match markers into results', async () => {
    const storage = await open();
    await storage.articles.insert(makeArticle({ headline: `Fake ${MATCH_START}mark${MATCH_END} in Qassim` }));
    const [hit] = (await search(storage, 'qassim')).hits;
    expect(markedWords(hit?.headline ?? '')).toEqual(['Qassim']);
  });

  it('pages ranked results by offset without gaps or repeats', async () => {
    const storage = await open();
    const batch = Array.from({ length: 23 }, (_, i) => makeArticle({ body: paragraph(`Desalination plant number ${i} opens.`) }));
    await storage.articles.insertMany(batch);
    const seen: string[] = [];
    for (let offset = 0; offset < 30; offset += 10) {
      const found = await search(storage, 'desalination plant', { limit: 10, offset });
      expect(found.total).toBe(23);
      seen.push(...found.hits.map((h) => h.articleId));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(batch.map((a) => a.id)));
  });

  it('lists the newest matches of a very broad query instead of scoring them all', async () => {
    const storage = await open();
    const batch = Array.from({ length: 1005 }, () => makeArticle({ body: paragraph('The ministry said on Sunday.') }));
    await storage.articles.insertMany(batch);
    const found = await search(storage, 'ministry', { limit: 3, offset: 0 });
    expect(found).toMatchObject({ total: 1000, totalCapped: true, order: 'newest' });
    expect(found.hits.map((h) => h.articleId)).toEqual(batch.slice(-3).reverse().map((a) => a.id));
    const next = await search(storage, 'ministry', { limit: 3, offset: 3 });
    expect(next.hits.map((h) => h.articleId)).toEqual(batch.slice(-6, -3).reverse().map((a) => a.id));
  }, 60_000);

  it('finds words of every script, and words that are operators or stop words elsewhere', async () => {
    const storage = await open();
    const arabic = makeArticle({ headline: 'افتتاح مترو الرياض', body: paragraph('يفتتح مترو الرياض اليوم.') });
    const english = makeArticle({ headline: 'To be or not to be', body: paragraph('The question, near the end.') });
    await storage.articles.insertMany([arabic, english]);
    expect((await search(storage, 'الرياض')).hits.map((h) => h.articleId)).toEqual([arabic.id]);
    expect((await search(storage, 'or')).hits.map((h) => h.articleId)).toEqual([english.id]);
    expect((await search(storage, 'OR NOT near')).hits.map((h) => h.articleId)).toEqual([english.id]);
    expect((await search(storage, '"to be"')).hits.map((h) => h.articleId)).toEqual([english.id]);
  });

  it('folds diacritics: Koln finds Köln and Köln finds Koln', async (ctx) => {
    const storage = await open();
    if (name === 'postgres') {
      const { rows } = await sql`SELECT 1 FROM pg_extension WHERE extname = 'unaccent'`.execute(storage.db);
      // With TEST_POSTGRES_REQUIRED=1 a missing unaccent (postgresql-contrib) is a failure, not a skip.
      const reason = engineSkipReason('postgres', 'diacritic folding', rows.length === 0 ? 'the unaccent extension is not installed (Debian: postgresql-contrib)' : null);
      if (reason) ctx.skip(reason);
    }
    const cologne = makeArticle({ headline: 'Köln carnival begins', body: paragraph('Crowds in Köln.') });
    const plain = makeArticle({ headline: 'Cafe opens in Koln', body: paragraph('A new café.') });
    await storage.articles.insertMany([cologne, plain]);
    expect(new Set((await search(storage, 'koln')).hits.map((h) => h.articleId))).toEqual(new Set([cologne.id, plain.id]));
    expect((await search(storage, 'Köln')).total).toBe(2);
    expect((await search(storage, 'cafe')).hits.map((h) => h.articleId)).toEqual([plain.id]);
  });

  it('treats hostile input as words, never as query syntax', async () => {
    const storage = await open();
    await storage.articles.insert(makeArticle({ headline: 'Kim meets Putin', body: paragraph('Near the border, or not.') }));
    for (const text of ['"', 'Kim*', 'kim:*', 'title:kim', '-putin kim', 'kim OR zzz', 'kim & !putin', "kim' | 'x", '(kim', 'NEAR(kim putin)', 'kim^2', '"kim']) {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) continue;
      await expect(storage.search.search(parsed.value, { limit: 10, offset: 0 }, ENGLISH), text).resolves.toBeDefined();
    }
    expect((await search(storage, '-putin kim')).total).toBe(1);
    expect((await search(storage, 'kim OR zzz')).total).toBe(0);
    expect((await search(storage, 'Kim*')).total).toBe(1);
  });

  it('replaces an article’s entry instead of adding a second, and removes it', async () => {
    const storage = await open();
    const article = makeArticle({ headline: 'Camel race in Taif' });
    await storage.articles.insert(article);
    const doc = { articleId: article.id, ...ENGLISH, sortAt: new Date(), headline: 'Camel festival in Taif', highlights: [], body: 'Updated.' };
    await storage.db.transaction().execute((trx) => searchWriter.index(trx, doc));
    const found = await search(storage, 'Taif');
    expect(found.total).toBe(1);
    expect(found.hits[0]?.headline).toContain('festival');
    expect((await search(storage, 'race')).total).toBe(0);
    await storage.db.transaction().execute((trx) => searchWriter.remove(trx, article.id));
    expect((await search(storage, 'Taif')).total).toBe(0);
  });
});

const ARABIC: SearchScope = { editionId: 'ar', language: 'ar' };

/** The Arabic edition (its stories are indexed as folded stems); editions are rows of their own since migration 0005. */
async function addArabicEdition(storage: Storage): Promise<void> {
  await storage.db.insertInto('editions').values({
    id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', time_zone: 'Asia/Riyadh', position: 1,
  }).onConflict((oc) => oc.column('id').doNothing()).execute();
}

async function arabicIds(storage: Storage, text: string): Promise<string[]> {
  return (await search(storage, text, { limit: 10, offset: 0 }, ARABIC)).hits.map((h) => h.articleId);
}

describeStorageContract('SearchIndex in Arabic', ({ open, searchWriter }) => {
  async function openArabic(): Promise<Storage> {
    const storage = await open();
    await addArabicEdition(storage);
    return storage;
  }

  it('finds a word with and without the article and its clitics, in any hamza form, with or without tashkeel', async () => {
    const storage = await openArabic();
    const metro = makeArticle({ edition: 'ar', headline: 'افتتاح مترو الرياض', body: paragraph('أعلن أحمد الراشد افتتاح المترو أمام الركاب، وقال إن مؤتمرا سيعقد في الرياض.') });
    const other = makeArticle({ edition: 'ar', headline: 'أمطار في جدة', body: paragraph('هطلت أمطار غزيرة على المدينة.') });
    await storage.articles.insertMany([metro, other]);
    for (const text of ['الرياض', 'رياض', 'بالرياض', 'والرياض', 'للرياض', 'مترو', 'المترو', 'أحمد', 'احمد', 'إحمد', 'مؤتمر', 'موتمر', 'الرِّيَاض', 'مِتْرُو', 'افتتاحُ']) {
      expect(await arabicIds(storage, text), text).toEqual([metro.id]);
    }
    expect(await arabicIds(storage, 'رياض زلزال')).toEqual([]);
  });

  it('matches plural and singular, taa marbuta and haa, alef maqsura and yaa, tashkeel in the story, and Arabic-Indic digits', async () => {
    const storage = await openArabic();
    const story = makeArticle({
      edition: 'ar', headline: 'افتتاح محطات جديدة للمترو',
      body: paragraph('نُقِلَ المصابون إلى مستشفى الملك فهد في المدينة المنورة عام 2024 بعد افتتاح المحطة الأولى.'),
    });
    await storage.articles.insert(story);
    for (const text of ['محطة', 'محطه', 'المحطات', 'مستشفي', 'المستشفى', 'مدينه', 'نقل المصابين', 'المصاب', '٢٠٢٤', 'جديده']) {
      expect(await arabicIds(storage, text), text).toEqual([story.id]);
    }
  });

  it('marks the words as written (with their article, clitics and tashkeel) in headline and snippet', async () => {
    const storage = await openArabic();
    const story = makeArticle({ edition: 'ar', headline: 'وفاة الشاعر سليمان العيسى', body: paragraph('نعى اتحاد الكُتّاب العرب الشاعرَ الكبير، وقال إن الشعراء فقدوا والدًا.') });
    await storage.articles.insert(story);
    const [hit] = (await search(storage, 'شاعر العيسي', { limit: 10, offset: 0 }, ARABIC)).hits;
    expect(hit?.headline).toBe(`وفاة ${MATCH_START}الشاعر${MATCH_END} سليمان ${MATCH_START}العيسى${MATCH_END}`);
    const [body] = (await search(storage, 'الكتاب', { limit: 10, offset: 0 }, ARABIC)).hits;
    expect(markedWords(body?.snippet ?? '')).toEqual(['الكُتّاب']);
    expect(unmarked(body?.snippet ?? '')).toBe('نعى اتحاد الكُتّاب العرب الشاعرَ الكبير، وقال إن الشعراء فقدوا والدًا.');
  });

  it('matches a quoted Arabic phrase only with its words together and in order', async () => {
    const storage = await openArabic();
    const together = makeArticle({ edition: 'ar', headline: 'مترو الرياض يبدأ', body: paragraph('يبدأ تشغيل مترو الرياض غدا.') });
    const apart = makeArticle({ edition: 'ar', headline: 'الرياض تستعد', body: paragraph('تستعد الرياض لتشغيل المترو.') });
    await storage.articles.insertMany([together, apart]);
    expect(await arabicIds(storage, '"مترو الرياض"')).toEqual([together.id]);
    expect(markedWords((await search(storage, '"مترو رياض"', { limit: 10, offset: 0 }, ARABIC)).hits[0]?.snippet ?? '')).toEqual(['مترو', 'الرياض']);
    expect(await arabicIds(storage, '"الرياض مترو"')).toEqual([]);
    expect(new Set(await arabicIds(storage, 'مترو الرياض'))).toEqual(new Set([together.id, apart.id]));
  });

  it('finds a Latin name in an Arabic story, and marks it', async () => {
    const storage = await openArabic();
    const story = makeArticle({ edition: 'ar', headline: 'شركة Siemens تفوز بعقد القطار', body: paragraph('وقعت شركة سيمنس الألمانية (Siemens AG) العقد أمس.') });
    await storage.articles.insert(story);
    expect(await arabicIds(storage, 'siemens')).toEqual([story.id]);
    expect(await arabicIds(storage, 'Siemens الالمانية')).toEqual([story.id]);
    const [hit] = (await search(storage, 'SIEMENS', { limit: 10, offset: 0 }, ARABIC)).hits;
    expect(markedWords(hit?.headline ?? '')).toEqual(['Siemens']);
  });

  it('searches one edition: the Arabic edition its stories, the English edition its own', async () => {
    const storage = await openArabic();
    const arabic = makeArticle({ edition: 'ar', headline: 'افتتاح مترو الرياض', body: paragraph('مترو الرياض Riyadh metro يفتح.') });
    const english = makeArticle({ headline: 'Riyadh metro opens', body: paragraph('The metro of Riyadh (مترو الرياض) opens.') });
    await storage.articles.insertMany([arabic, english]);
    expect(await arabicIds(storage, 'الرياض')).toEqual([arabic.id]);
    expect(await arabicIds(storage, 'metro')).toEqual([arabic.id]);
    expect((await search(storage, 'metro')).hits.map((h) => h.articleId)).toEqual([english.id]);
    expect((await search(storage, 'الرياض')).hits.map((h) => h.articleId)).toEqual([english.id]);
    expect((await search(storage, 'riyadh', { limit: 10, offset: 0 }, { editionId: 'fr', language: 'fr' })).total).toBe(0);
  });

  it('without a scope searches every edition, each story as its edition is indexed, marked as written', async () => {
    const storage = await openArabic();
    const arabic = makeArticle({ edition: 'ar', headline: 'افتتاح مترو الرياض', body: paragraph('يفتح مترو الرياض (Riyadh metro) اليوم.') });
    const english = makeArticle({ headline: 'Riyadh metro opens', body: paragraph('The metro of Riyadh (مترو الرياض) opens.') });
    await storage.articles.insertMany([arabic, english]);
    const everywhere = async (text: string) => (await storage.search.search(query(text), { limit: 10, offset: 0 })).hits;
    expect(new Set((await everywhere('الرياض')).map((h) => h.articleId))).toEqual(new Set([arabic.id, english.id]));
    expect(new Set((await everywhere('Metro')).map((h) => h.articleId))).toEqual(new Set([arabic.id, english.id]));
    expect((await everywhere('رياض')).map((h) => h.articleId)).toEqual([arabic.id]);
    expect((await everywhere('رياض')).map((h) => h.headline)).toEqual([`افتتاح مترو ${MATCH_START}الرياض${MATCH_END}`]);
    expect((await everywhere('opens')).map((h) => h.headline)).toEqual([`Riyadh metro ${MATCH_START}opens${MATCH_END}`]);
  });

  it('never throws on queries in other scripts, emoji, or marks alone', async () => {
    const storage = await openArabic();
    await storage.articles.insert(makeArticle({ edition: 'ar', headline: 'أخبار موسكو وطوكيو', body: paragraph('Москва 東京 😀 خبر.') }));
    for (const text of ['Москва', '東京', 'とうきょう', '서울', '😀', 'خبر 😀', 'ـــ', 'ً', '"ً ـ"', 'ﷲ', 'ﻻ']) {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) continue;
      for (const scope of [ARABIC, ENGLISH]) await expect(storage.search.search(parsed.value, { limit: 10, offset: 0 }, scope), text).resolves.toBeDefined();
    }
    expect((await search(storage, 'Москва', { limit: 10, offset: 0 }, ARABIC)).total).toBe(1);
    expect((await search(storage, '東京', { limit: 10, offset: 0 }, ARABIC)).total).toBe(1);
  });

  it('replaces an Arabic story’s entry and removes it with its text', async () => {
    const storage = await openArabic();
    const story = makeArticle({ edition: 'ar', headline: 'سباق الهجن في الطائف' });
    await storage.articles.insert(story);
    const doc = { articleId: story.id, ...ARABIC, sortAt: new Date(), headline: 'مهرجان الهجن في الطائف', highlights: [], body: 'تحديث.' };
    await storage.db.transaction().execute((trx) => searchWriter.index(trx, doc));
    const found = await search(storage, 'طائف', { limit: 10, offset: 0 }, ARABIC);
    expect(found.total).toBe(1);
    expect(found.hits[0]?.headline).toBe(`مهرجان الهجن في ${MATCH_START}الطائف${MATCH_END}`);
    expect(await arabicIds(storage, 'سباق')).toEqual([]);
    await storage.db.transaction().execute((trx) => searchWriter.remove(trx, story.id));
    expect(await arabicIds(storage, 'طائف')).toEqual([]);
  });
});
