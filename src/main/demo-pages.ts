/** @module The demo site's static pages (About, Contact, Corrections policy, Privacy) in English and Arabic, written once and never over an edited page. */
import { fixedClock } from '../core/shared/clock.js';
import { createSitePageService } from '../core/site-pages/site-page-service.js';
import type { SitePageKind } from '../core/site-pages/site-page.js';
import { FIRST_EDITION_ID } from '../core/editions/edition.js';
import type { Storage } from './storage.js';
import { DEMO_ARABIC_EDITION } from './demo-arabic.js';

type DemoPage = { kind: SitePageKind; title: string; text: string };

const ENGLISH: DemoPage[] = [
  { kind: 'about', title: 'About Dateline', text: `Dateline is a demonstration news site built on the open-source Dateline publishing platform. Its stories come from a public capture of a news stream and from Wikinews, a free news source.

## What we publish

- Breaking news, updated as stories develop
- Corrections, marked on each story and listed on one page
- The same story in English and Arabic where a translation exists

Read how we handle mistakes in our [corrections policy](/corrections-policy).` },
  { kind: 'contact', title: 'Contact us', text: `Tips, corrections and questions reach the newsroom by e-mail at [newsroom@dateline.example](mailto:newsroom@dateline.example).

## Corrections

If you have found a mistake in a story, write to [corrections@dateline.example](mailto:corrections@dateline.example) and name the story. An editor answers within one working day.` },
  { kind: 'corrections-policy', title: 'Corrections policy', text: `We correct errors of fact promptly and openly.

## How corrections appear

- A correction note under the headline and at the foot of the story, dated
- The story's What changed page, with every published version
- The corrections page, newest first

Every correction is listed on the [corrections page](/corrections). Small changes that do not change the meaning, such as a spelling, are made without a note.` },
  { kind: 'privacy', title: 'Privacy', text: `This site sets no cookies for readers and runs no third-party scripts, trackers or advertising.

## What we count

We count how often each story is read, without cookies and without storing who read it, to show the most read list. Stories you follow are kept in your own browser only.` },
];

const ARABIC: DemoPage[] = [
  { kind: 'about', title: 'من نحن', text: `«دايتلاين» موقع إخباري تجريبي مبني على منصة النشر المفتوحة المصدر «دايتلاين». تأتي قصصه من تسجيل عام لبث إخباري ومن ويكي الأخبار، وهي مصدر أخبار حر.

## ما ننشره

- الأخبار العاجلة، وتُحدَّث مع تطور القصص
- التصحيحات، وتظهر على كل قصة وفي صفحة واحدة
- القصة نفسها بالعربية والإنجليزية حين تتوفر ترجمة

اقرأ كيف نتعامل مع الأخطاء في [سياسة التصحيح](/ar/corrections-policy).` },
  { kind: 'contact', title: 'اتصل بنا', text: `تصل المعلومات والتصحيحات والأسئلة إلى غرفة الأخبار عبر البريد الإلكتروني [newsroom@dateline.example](mailto:newsroom@dateline.example).

## التصحيحات

إن وجدت خطأً في قصة فاكتب إلى [corrections@dateline.example](mailto:corrections@dateline.example) واذكر القصة. يرد محرر خلال يوم عمل واحد.` },
  { kind: 'corrections-policy', title: 'سياسة التصحيح', text: `نصحح الأخطاء في الوقائع فورًا وعلنًا.

## كيف تظهر التصحيحات

- ملاحظة تصحيح مؤرخة تحت العنوان وفي آخر القصة
- صفحة «ما الذي تغيّر» للقصة، بكل نسخها المنشورة
- صفحة التصحيحات، الأحدث أولًا

تُدرج كل التصحيحات في [صفحة التصحيحات](/ar/corrections). والتعديلات الصغيرة التي لا تغيّر المعنى، كالإملاء، تُجرى دون ملاحظة.` },
  { kind: 'privacy', title: 'الخصوصية', text: `لا يضع هذا الموقع ملفات تعريف ارتباط للقراء، ولا يشغّل نصوصًا أو أدوات تتبع أو إعلانات من أطراف ثالثة.

## ما نحصيه

نحصي عدد قراءات كل قصة، دون ملفات تعريف ارتباط ودون حفظ هوية القارئ، لنعرض قائمة الأكثر قراءة. وتبقى الموضوعات التي تتابعها في متصفحك وحده.` },
];

/** Writes the demo pages each edition lacks; returns how many. */
export async function seedDemoPages(storage: Storage, now: Date): Promise<number> {
  const pages = createSitePageService({ pages: storage.sitePages, clock: fixedClock(now) });
  const editions = new Set((await storage.editions.list()).map((e) => e.id));
  let added = 0;
  if (editions.has(FIRST_EDITION_ID)) added += await pages.seedPages(FIRST_EDITION_ID, ENGLISH);
  if (editions.has(DEMO_ARABIC_EDITION.id)) added += await pages.seedPages(DEMO_ARABIC_EDITION.id, ARABIC);
  return added;
}
