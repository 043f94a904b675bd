import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isShortCode, newShortCode, SHORT_CODE_LENGTH, uniqueShortCode } from './short-code.js';

describe('short codes', () => {
  it('are short, from a safe alphabet, and valid by isShortCode', () => {
    const code = newShortCode(randomBytes);
    expect(code).toHaveLength(SHORT_CODE_LENGTH);
    expect(isShortCode(code)).toBe(true);
    expect(code).not.toMatch(/[01lIoO]/);
  });

  it('do not repeat or follow a sequence over many draws', () => {
    const codes = Array.from({ length: 5000 }, () => newShortCode(randomBytes));
    expect(new Set(codes).size).toBe(codes.length);
    const sorted = [...codes].sort();
    expect(sorted).not.toEqual(codes);
  });

  it('rejects paths and other sites as codes', () => {
    for (const bad of ['//evil.com', 'abc', '../../x', 'https:x', 'abcdefgh', 'abc%2F1']) expect(isShortCode(bad)).toBe(false);
  });

  it('retries when a code is taken and fails loudly when the random source is stuck', async () => {
    const taken = new Set<string>();
    const first = await uniqueShortCode(randomBytes, async (c) => taken.has(c));
    taken.add(first);
    expect(await uniqueShortCode(randomBytes, async (c) => taken.has(c))).not.toBe(first);
    const stuck = (n: number) => new Uint8Array(n).fill(7);
    await expect(uniqueShortCode(stuck, async () => true)).rejects.toThrow(/random source/);
  });
});
