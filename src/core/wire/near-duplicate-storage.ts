/**
 * @module Near-duplicate signature storage: the text form of a signature in `wire_items.signature` (base64), and
 * the hex forms stored before, still read.
 */
import { LEGACY_SIGNATURE_LENGTH, SIGNATURE_LENGTH } from './near-duplicate.js';

const ascii = new TextDecoder('latin1');
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64_DIGITS, (c) => c.charCodeAt(0));
/** The value of each base64 digit by its char code; -1 for anything else. */
const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64_DIGITS.length; i++) BASE64_VALUES[BASE64_DIGITS.charCodeAt(i)] = i;
/** A stored signature in base64: 1,284 bytes in 1,712 characters, no padding (1,284 is a multiple of 3). */
export const STORED_SIGNATURE_LENGTH = (SIGNATURE_LENGTH * 4 / 3) * 4;

/**
 * Base64 of the values' big-endian bytes: 1,712 characters for a stored signature, two thirds of the 2,568 of the hex
 * stored before (which keeps a row of wire copy within one SQLite page more often, and is read back faster).
 */
export function serialiseSignature(signature: Uint32Array): string {
  if (signature.length % 3 !== 0) throw new RangeError('a stored signature holds a multiple of 3 values');
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i]!);
  const codes = new Uint8Array((bytes.length / 3) * 4);
  for (let i = 0, out = 0; i < bytes.length; i += 3, out += 4) {
    const group = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[out] = BASE64_CODES[group >>> 18]!;
    codes[out + 1] = BASE64_CODES[(group >>> 12) & 63]!;
    codes[out + 2] = BASE64_CODES[(group >>> 6) & 63]!;
    codes[out + 3] = BASE64_CODES[group & 63]!;
  }
  return ascii.decode(codes);
}

/**
 * Reads a stored signature: base64 (from issue 12's second round), or the hex stored before it, of either length
 * (3-gram minima only before issue 12). Null when the text is none of these.
 */
export function parseSignature(text: string): Uint32Array | null {
  if (text.length === STORED_SIGNATURE_LENGTH) return parseBase64Signature(text);
  const length = text.length / 8;
  if (length !== SIGNATURE_LENGTH && length !== LEGACY_SIGNATURE_LENGTH) return null;
  const signature = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    let value = 0;
    for (let d = 0; d < 8; d++) {
      const digit = hexValue(text.charCodeAt(i * 8 + d));
      if (digit < 0) return null;
      value = value * 16 + digit;
    }
    signature[i] = value;
  }
  return signature;
}

function parseBase64Signature(text: string): Uint32Array | null {
  const bytes = new Uint8Array(SIGNATURE_LENGTH * 4);
  for (let at = 0, out = 0; at < text.length; at += 4, out += 3) {
    let group = 0;
    for (let d = 0; d < 4; d++) {
      const code = text.charCodeAt(at + d);
      const digit = code < 128 ? BASE64_VALUES[code]! : -1;
      if (digit < 0) return null;
      group = (group << 6) | digit;
    }
    bytes[out] = group >>> 16;
    bytes[out + 1] = (group >>> 8) & 0xff;
    bytes[out + 2] = group & 0xff;
  }
  const view = new DataView(bytes.buffer);
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) signature[i] = view.getUint32(i * 4);
  return signature;
}

/** The value of a lower-case hex digit's char code; -1 for anything else. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}
