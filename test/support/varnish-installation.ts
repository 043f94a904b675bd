/** @module Whether Debian's varnishd and the vmods a test's VCL imports are installed, for the edge-cache tests. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineSkipReason } from './required-engines.js';

export const VARNISHD = process.env['VARNISHD'] ?? '/usr/sbin/varnishd';
const VMOD_DIRS = ['/usr/lib/x86_64-linux-gnu/varnish/vmods', '/usr/lib/aarch64-linux-gnu/varnish/vmods', '/usr/lib/varnish/vmods', '/usr/lib64/varnish/vmods'];

/** null when varnishd and every vmod named are installed, else what is missing (throws when TEST_VARNISH_REQUIRED=1). */
export function varnishMissingReason(tests: string, vmods: string[]): string | null {
  const absentVmod = vmods.find((vmod) => !VMOD_DIRS.some((dir) => existsSync(join(dir, `libvmod_${vmod}.so`))));
  const missing = !existsSync(VARNISHD) ? `${VARNISHD} not found`
    : absentVmod ? `the ${absentVmod} vmod (libvmod_${absentVmod}.so) not found in ${VMOD_DIRS.join(', ')}`
      : null;
  return engineSkipReason('varnish', tests, missing);
}
