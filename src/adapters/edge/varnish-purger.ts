/**
 * @module Purges Varnish by surrogate key: `PURGE /` with an `xkey-purge: key1 key2` header, which
 * deploy/varnish/dateline.vcl hands to the xkey vmod (xkey.purge) for callers in its `purgers` ACL.
 */
import { describeTarget, sendPurge, type EdgePurger } from './edge-purger.js';
import { surrogateKeyList } from './surrogate-key.js';

export function createVarnishPurger(url: string): EdgePurger {
  const target = describeTarget(url);
  return {
    target,
    purge: (keys) => sendPurge(target, url, { method: 'PURGE', headers: { 'xkey-purge': surrogateKeyList(keys) } }),
  };
}
