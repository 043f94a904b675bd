/** Builds the browser assets once before the suite, so tests serve the same CSS and JS as `npm start`. */
// @ts-expect-error: plain ESM build script without type declarations
import { buildAssets } from '../../scripts/build-assets.mjs';

export default async function setup(): Promise<void> {
  await (buildAssets as () => Promise<void>)();
}
