/** @module The AlertStore port: stories as alerts see them and the rounds sent (main database). */
import type { AlertRound, AlertStory } from './alert.js';

export interface AlertStore {
  /** The story with its accepted topics' ids and its edition; null when there is no such story. */
  findStory(articleId: string): Promise<AlertStory | null>;
  /** The story's rounds, first first. */
  listRounds(articleId: string): Promise<AlertRound[]>;
  findRound(id: string): Promise<AlertRound | null>;
  /** Records a round; false when the story has this round already (another editor sent it a moment before). */
  insertRound(round: AlertRound): Promise<boolean>;
  setRecipients(id: string, recipients: number): Promise<void>;
  /** Rounds whose queuing never finished (recipients still null) recorded before `before`, oldest first. */
  listUnfinishedRounds(before: Date): Promise<AlertRound[]>;
}
