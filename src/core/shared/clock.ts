/** @module The Clock port: the only way the core learns what time it is. */
export interface Clock {
  now(): Date;
}

/** A clock that always answers the same instant; for tests and replays. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
