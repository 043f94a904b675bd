/**
 * @module Which real engines a run must have. Every test that needs PostgreSQL, Redis or Varnish asks here with
 * what it found missing: without a switch the tests skip, naming what is missing and how to get it; with
 * TEST_POSTGRES_REQUIRED=1, TEST_REDIS_REQUIRED=1 or TEST_VARNISH_REQUIRED=1 (CI sets all three) it fails instead.
 */

export type Engine = 'postgres' | 'redis' | 'varnish';

const ENGINES: Record<Engine, { name: string; switch: string; howToGet: string }> = {
  postgres: {
    name: 'PostgreSQL',
    switch: 'TEST_POSTGRES_REQUIRED',
    howToGet: 'on Debian `.ci/start-engines` installs and starts it with trust auth for postgres on 127.0.0.1 and a database `test`; elsewhere point TEST_POSTGRES_URL at one',
  },
  redis: {
    name: 'Redis',
    switch: 'TEST_REDIS_REQUIRED',
    howToGet: 'on Debian `.ci/start-engines` installs redis-server and starts it on 127.0.0.1:6379; elsewhere point TEST_REDIS_URL at one',
  },
  varnish: {
    name: 'Varnish',
    switch: 'TEST_VARNISH_REQUIRED',
    howToGet: 'on Debian `apt-get install varnish varnish-modules` (`.ci/start-engines` does it); elsewhere set VARNISHD to varnishd with the xkey and directors vmods',
  },
};

export function isEngineRequired(engine: Engine): boolean {
  return process.env[ENGINES[engine].switch] === '1';
}

/** The engines this run must have, by name, for a summary line. */
export function requiredEngineNames(): string[] {
  return (Object.keys(ENGINES) as Engine[]).filter(isEngineRequired).map((engine) => ENGINES[engine].name);
}

/** Thrown where a required engine is missing: the run fails instead of skipping. */
export class RequiredEngineMissingError extends Error {
  override name = 'RequiredEngineMissingError';
}

/** An error as one line: a refused connection to several addresses is an AggregateError with no message of its own. */
export function describeError(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return message || code || String(error);
}

const warned = new Set<string>();

function warnOnce(tests: string, reason: string, flags: string): void {
  if (warned.has(reason)) return;
  warned.add(reason);
  console.warn(`SKIPPING the ${tests}: ${reason}; ${flags}=1 makes this a failure`);
}

/**
 * What a test found missing (`null`: nothing), as the reason to skip it: names what is missing and how to get it,
 * said once per process. Throws RequiredEngineMissingError instead when the engine's switch is on.
 */
export function engineSkipReason(engine: Engine, tests: string, missing: string | null): string | null {
  if (missing === null) return null;
  const { name, switch: flag, howToGet } = ENGINES[engine];
  const reason = `${missing} (${howToGet})`;
  if (isEngineRequired(engine)) {
    throw new RequiredEngineMissingError(`${flag}=1 but ${name} is missing for the ${tests}: ${reason}`);
  }
  warnOnce(tests, reason, flag);
  return reason;
}

/**
 * Something else tests on these engines need (a built dist/), as the reason to skip them; a failure instead when
 * one of the engines is required, since a run that requires an engine requires the tests that use it.
 */
export function prerequisiteSkipReason(engines: Engine[], tests: string, missing: string | null): string | null {
  if (missing === null) return null;
  const flags = engines.map((engine) => ENGINES[engine].switch);
  const on = engines.filter(isEngineRequired).map((engine) => ENGINES[engine].switch);
  if (on.length > 0) throw new RequiredEngineMissingError(`${on.join('=1, ')}=1 but the ${tests} cannot run: ${missing}`);
  warnOnce(tests, missing, flags.join('=1 or '));
  return missing;
}
