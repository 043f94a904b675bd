/** @module Short codes for /s/{code}: random, so codes cannot be guessed in sequence. */
import type { RandomBytes } from '../shared/ids.js';

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 7;
const SHORT_CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * A code of SHORT_CODE_LENGTH characters from an alphabet without look-alikes (0/O, 1/l/I).
 * Rejection sampling keeps every character equally likely: 55^7 ≈ 1.5e12 codes.
 */
export function newShortCode(randomBytes: RandomBytes): string {
  const limit = 256 - (256 % ALPHABET.length);
  let code = '';
  while (code.length < SHORT_CODE_LENGTH) {
    for (const byte of randomBytes(SHORT_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < SHORT_CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

export function isShortCode(value: string): boolean {
  return SHORT_CODE_PATTERN.test(value);
}

/** A code not yet taken; gives up after a few collisions, which only a broken random source causes. */
export async function uniqueShortCode(randomBytes: RandomBytes, isTaken: (code: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = newShortCode(randomBytes);
    if (!(await isTaken(code))) return code;
  }
  throw new Error('could not find a free short code after 8 attempts: is the random source broken?');
}
