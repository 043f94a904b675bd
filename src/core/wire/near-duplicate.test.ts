/** @module Tests for MinHash signatures, their storage form and the near-duplicate cluster index. */
import { describe, expect, it } from 'vitest';
import { createClusterIndex, rowsPerBand } from './near-duplicate-cluster.js';
import { estimatedJaccard, fnv1a, minhashSignature, parseSignature, serialiseSignature, SIGNATURE_LENGTH } from './near-duplicate.js';

const STORY = 'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new partnership that includes a vow of mutual aid if either country is attacked, during a Wednesday summit that came as both face escalating standoffs with the West. It could mark the strongest connection between Moscow and Pyongyang since the Soviet Union collapsed in 1991.';
const OTHER = 'Heavy rain flooded parts of southern England overnight, closing roads and railway lines, and forecasters warned that more storms were on the way for the weekend across the region.';

describe('minhashSignature', () => {
  it('is deterministic and the same for text differing only in case and punctuation', () => {
    expect(minhashSignature(STORY)).toEqual(minhashSignature(STORY.toUpperCase().replace(/,/g, ' ')));
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('estimates high similarity for an edited copy and low for another story', () => {
    const trimmed = STORY.split('. ')[0]!;
    expect(estimatedJaccard(minhashSignature(`SEOUL (AP) — ${STORY}`), minhashSignature(STORY))).toBeGreaterThan(0.8);
    expect(estimatedJaccard(minhashSignature(trimmed), minhashSignature(STORY))).toBeGreaterThan(0.4);
    expect(estimatedJaccard(minhashSignature(OTHER), minhashSignature(STORY))).toBeLessThan(0.1);
  });

  it('survives storage as hex and refuses anything else', () => {
    const signature = minhashSignature(STORY);
    const text = serialiseSignature(signature);
    expect(text).toHaveLength(SIGNATURE_LENGTH * 8);
    expect(parseSignature(text)).toEqual(signature);
    expect(parseSignature('zz')).toBeNull();
    expect(parseSignature(text.toUpperCase().replace(/[0-9A-F]/, 'g'))).toBeNull();
  });
});

describe('createClusterIndex', () => {
  it('puts a near-duplicate in the first item’s cluster and a different story in its own', () => {
    const index = createClusterIndex({ threshold: 0.3 });
    expect(index.assign('a', minhashSignature(STORY))).toEqual({ clusterId: 'a', bestMatch: null });
    const b = index.assign('b', minhashSignature(`${STORY} Reporting by Hyonhee Shin; editing by Michael Perry.`));
    expect(b.clusterId).toBe('a');
    expect(b.bestMatch?.itemId).toBe('a');
    expect(index.assign('c', minhashSignature(OTHER))).toEqual({ clusterId: 'c', bestMatch: null });
    expect([index.clusterOf('b'), index.clusterOf('zz'), index.size]).toEqual(['a', null, 3]);
  });

  it('joins the best match, so a chain of copies stays in the first cluster', () => {
    const index = createClusterIndex({ threshold: 0.5 });
    index.assign('v1', minhashSignature(STORY));
    index.assign('v2', minhashSignature(`${STORY} Kim said the pact was peaceful.`));
    expect(index.assign('v3', minhashSignature(`${STORY} Kim said the pact was peaceful and defensive.`)).clusterId).toBe('v1');
  });

  it('picks banding that keeps an item at the threshold a candidate', () => {
    expect(rowsPerBand(0.3)).toBe(2);
    expect(rowsPerBand(0.8)).toBe(4);
    expect(() => createClusterIndex({ threshold: 0 })).toThrow(RangeError);
  });
});
