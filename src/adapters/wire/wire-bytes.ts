/** @module Wire bytes: turns a received file into text, by its BOM or XML declaration, refusing files over the size limit. */

/** Agency files are kilobytes; a feed of several megabytes is already unusual. */
export const DEFAULT_MAX_WIRE_BYTES = 10 * 1024 * 1024;

export type DecodedWire = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

const LATIN1 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

/**
 * Decodes a file. UTF-8 is the default (JSON and XML without a declaration). Bytes that are not valid
 * UTF-8 are decoded anyway, never refused, because wire desks must not lose copy over one bad byte:
 * a file with no valid multi-byte sequence at all is read as windows-1252 (an undeclared Latin-1 feed),
 * anything else gets U+FFFD for each bad sequence. Both record a warning.
 */
export function decodeWireBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_WIRE_BYTES): DecodedWire {
  if (bytes.length > maxBytes) {
    return { ok: false, error: `file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes` };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  const declared = declaredEncoding(bytes);
  if (declared && LATIN1.has(declared)) return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warnings: [] };
  const warnings: string[] = [];
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    warnings.push(`unsupported encoding "${declared}" declared; read as UTF-8`);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), warnings };
  } catch {
    if (!declared && !hasUtf8MultiByteSequence(bytes)) {
      warnings.push('not valid UTF-8 and no encoding declared; read as windows-1252');
      return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warnings };
    }
    warnings.push('malformed UTF-8: invalid byte sequences replaced with U+FFFD');
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), warnings };
  }
}

/** The `encoding` of an XML declaration at the very start, lower-cased; null when there is none. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 200)).replace(/^\uFEFF|^ï»¿/, '');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** True when the bytes contain at least one well-formed UTF-8 sequence of two or more bytes. */
function hasUtf8MultiByteSequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) continue;
    let valid = i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid) return true;
  }
  return false;
}
