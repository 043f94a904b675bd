/** @module Text capture to wire: reads a plain-text capture of a news site with the existing parser and turns each CapturedStory into a WireItem. */
import type { CapturedStory, CapturedUpdateTime } from '../../core/imports/captured-story.js';
import { slugify } from '../../core/shared/slug.js';
import type { WireItem, WireParseOutcome } from '../../core/wire/wire-item.js';
import { parseTextCapture } from './text-capture-parser.js';

export type TextCaptureResult = ({ ok: true } & WireParseOutcome) | { ok: false; error: string };

/** Reads a capture; stories that cannot be read become warnings, and a capture with no story at all is an error. */
export function parseTextCaptureWire(text: string, receivedAt: Date): TextCaptureResult {
  const result = parseTextCapture(text);
  const warnings = result.errors.map((problem) => `line ${problem.line}: ${problem.message}`);
  if (result.stories.length === 0) return { ok: false, error: `not a recognised wire format (${warnings[0] ?? 'no stories'})` };
  return { ok: true, items: result.stories.map((story) => capturedStoryToWireItem(story, receivedAt)), warnings };
}

/**
 * A capture carries no agency id, so the id is made from the headline: a later capture of the
 * same story with the same headline is the same item; a changed headline reads as a new story,
 * which the near-duplicate check then groups with the old one.
 */
export function capturedStoryToWireItem(story: CapturedStory, receivedAt: Date): WireItem {
  const updated = updatedAt(story.updated, receivedAt);
  return {
    format: 'text-capture',
    agency: null,
    agencyId: `text-capture:${slugify(story.headline)}`,
    version: 1,
    headline: story.headline,
    slugline: null,
    dateline: story.dateline,
    byline: null,
    creditline: story.caption?.credit ?? null,
    language: null,
    summary: story.highlights[0] ?? null,
    body: story.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    subjects: [],
    urgency: null,
    firstCreated: null,
    versionCreated: updated,
    link: null,
    photos: [],
  };
}

/** "38 min ago" counts back from when the file was received; a date alone is read as midnight UTC. */
function updatedAt(updated: CapturedUpdateTime, receivedAt: Date): Date {
  if (updated.kind === 'relative') return new Date(receivedAt.getTime() - updated.secondsAgo * 1000);
  return new Date(Date.UTC(updated.year, updated.month - 1, updated.day));
}
