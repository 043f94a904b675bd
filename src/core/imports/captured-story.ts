/** @module CapturedStory: one story as read from a text capture of a news page, before it is stored. */

/** "Updated 38 min 36 sec ago" or "Updated 17 January 2025", as the capture said it. */
export type CapturedUpdateTime =
  | { kind: 'relative'; secondsAgo: number }
  | { kind: 'date'; year: number; month: number; day: number };

export interface CapturedStory {
  /** 1-based line where the story starts in the file. */
  line: number;
  headline: string;
  /** The capture showed the "Update" badge before the headline. */
  updateBadge: boolean;
  /** Lead photo caption and its credit, from the trailing parenthesis: "(Sputnik/AFP)". */
  caption: { text: string; credit: string | null } | null;
  updated: CapturedUpdateTime;
  highlights: string[];
  /** "SEOUL", without the colon; null when the lede has none. */
  dateline: string | null;
  /** Body paragraphs, the dateline removed from the first. */
  paragraphs: string[];
}

export interface CaptureProblem {
  line: number;
  message: string;
}

export interface CaptureParseResult {
  stories: CapturedStory[];
  /** One entry per story that could not be read; its lines are skipped, the rest of the file is not. */
  errors: CaptureProblem[];
}
