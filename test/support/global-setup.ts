/**
 * Before the suite: builds the browser assets once, so tests serve the same CSS and JS as `npm start`; and, when
 * a TEST_*_REQUIRED switch is on, checks those engines once, so a missing one stops the run before any test starts.
 */
// @ts-expect-error: plain ESM build script without type declarations
import { buildAssets } from '../../scripts/build-assets.mjs';
import { postgresBinariesMissingReason } from './private-postgres.js';
import { postgresUnavailableReason } from './postgres-test-database.js';
import { redisServerMissingReason, redisUnavailableReason } from './redis-test-server.js';
import { isEngineRequired, requiredEngineNames } from './required-engines.js';
import { varnishMissingReason } from './varnish-installation.js';

/** Each probe throws RequiredEngineMissingError, naming what is missing and how to get it, for a required engine. */
async function checkRequiredEngines(): Promise<void> {
  if (isEngineRequired('postgres')) {
    await postgresUnavailableReason();
    postgresBinariesMissingReason();
  }
  if (isEngineRequired('redis')) {
    await redisUnavailableReason();
    redisServerMissingReason();
  }
  if (isEngineRequired('varnish')) varnishMissingReason('Varnish tests', ['xkey', 'directors']);
}

export default async function setup(): Promise<void> {
  await checkRequiredEngines();
  const required = requiredEngineNames();
  if (required.length > 0) console.info(`required engines, all present: ${required.join(', ')}`);
  await (buildAssets as () => Promise<void>)();
}
