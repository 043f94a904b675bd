/** @module What an autosave answer means: saved, a version conflict, invalid input, refused, or try again. */

export type SaveAnswer =
  | { kind: 'saved'; version: number; savedAt: string }
  | { kind: 'conflict'; message: string; revisionsUrl: string | null }
  | { kind: 'invalid'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'retry' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : fallback;
}

/** Only a path on this site: the banner must not link elsewhere whatever the answer says. */
function sitePath(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : null;
}

function firstIssue(details: Record<string, unknown>): string | null {
  const issue = record(Array.isArray(details['issues']) ? details['issues'][0] : null);
  if (typeof issue['message'] !== 'string') return null;
  const path = Array.isArray(issue['path']) ? issue['path'].join('.') : typeof issue['path'] === 'string' ? issue['path'] : '';
  return path ? `${path}: ${issue['message']}` : issue['message'];
}

/** Reads the status and (possibly missing or malformed) JSON body of an autosave response. */
export function readSaveAnswer(status: number, body: unknown): SaveAnswer {
  const error = record(record(body)['error']);
  const details = record(error['details']);
  if (status >= 200 && status < 300) {
    const { version, savedAt } = record(body);
    if (typeof version === 'number' && Number.isInteger(version)) return { kind: 'saved', version, savedAt: typeof savedAt === 'string' ? savedAt : '' };
    return { kind: 'retry' };
  }
  if (status === 409) {
    return { kind: 'conflict', message: text(error['message'], 'Someone else saved this story while you were editing.'), revisionsUrl: sitePath(details['revisionsUrl']) };
  }
  if (status === 400 || status === 422) {
    const message = text(error['message'], 'Not saved: some fields are not valid.');
    const issue = firstIssue(details);
    return { kind: 'invalid', message: issue ? `${message} (${issue})` : message };
  }
  if (status === 401 || status === 403) {
    return { kind: 'refused', message: text(error['message'], 'Not saved: your session has ended. Sign in again in another tab, then press Ctrl+S.') };
  }
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry' };
  return { kind: 'refused', message: text(error['message'], `Not saved (error ${status}).`) };
}

/** "HH:MM" in the editor's local time, for "Saved at …". */
export function clockTime(iso: string, fallback: Date): string {
  const at = new Date(iso);
  const when = Number.isNaN(at.getTime()) ? fallback : at;
  return `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
}
