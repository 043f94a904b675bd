/**
 * @module Topic suggestion evaluation: precision, recall and F1 per kind of the production path
 * (suggestStoryTopics with the compromise suggester, as imports and the wire desk call it) against the
 * hand-labelled entities of test/fixtures/entities/, aims asserted on the held-out half.
 */
import { describe, expect, it } from 'vitest';
import { createCompromiseTopicSuggester } from '../../src/adapters/nlp/compromise-topic-suggester.js';
import { isConfident, suggestStoryTopics } from '../../src/core/topics/story-topics.js';
import { ENTITY_KINDS, loadLabelledStories, scoreSuggestions, type LabelledStory } from '../support/entity-evaluation.js';

const suggester = createCompromiseTopicSuggester();
const stories = loadLabelledStories();

/** Each story's suggestions, computed once: compromise takes a while, and several tables read them. */
const suggestedFor = new Map<LabelledStory, ReturnType<typeof suggestStoryTopics>>();

function evaluate(split: LabelledStory['split'], readersOnly = false) {
  const runs = stories.filter((s) => s.split === split).map((story) => {
    const suggested = suggestedFor.get(story) ?? suggestStoryTopics(suggester, story.text);
    suggestedFor.set(story, suggested);
    return { story, suggested: readersOnly ? suggested.filter(isConfident) : suggested };
  });
  return scoreSuggestions(runs);
}

function table(score: ReturnType<typeof evaluate>) {
  return Object.fromEntries([...ENTITY_KINDS, 'all' as const].map((k) => {
    const s = score[k];
    return [k, { precision: s.precision.toFixed(2), recall: s.recall.toFixed(2), f1: s.f1.toFixed(2), tp: s.tp, fp: s.fp, fn: s.fn }];
  }));
}

describe('topic suggestion on the hand-labelled entity set', () => {
  it('has at least 40 labelled stories split into halves, with every kind in each half', () => {
    expect(stories.length).toBeGreaterThanOrEqual(40);
    for (const split of ['tuning', 'held-out'] as const) {
      const half = stories.filter((s) => s.split === split);
      expect(half.length).toBeGreaterThanOrEqual(20);
      for (const kind of ENTITY_KINDS) expect(half.flatMap((s) => s.entities).filter((e) => e.kind === kind).length).toBeGreaterThan(15);
    }
  });

  it('prints precision, recall and F1 per kind; on the held-out half F1 is at least 0.8 and organisation recall at least 0.7', () => {
    const tuning = evaluate('tuning');
    const heldOut = evaluate('held-out');
    const readers = evaluate('held-out', true);
    console.log('tuning half (all suggestions)');
    console.table(table(tuning));
    console.log('held-out half (all suggestions)');
    console.table(table(heldOut));
    console.log('held-out half (suggestions readers see without an editor)');
    console.table(table(readers));
    for (const [half, score] of [['tuning', tuning], ['held-out', heldOut]] as const) {
      console.log(`${half} wrong: ${score.wrong.join('; ')}`);
      console.log(`${half} missed: ${score.misses.join('; ')}`);
    }
    expect(heldOut.all.f1).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.organisation.recall).toBeGreaterThanOrEqual(0.7);
    // What readers see on their own is at least as precise as everything the newsroom is offered.
    expect(readers.all.precision).toBeGreaterThanOrEqual(heldOut.all.precision);
  }, 60_000);
});
