/**
 * Bytes from municipal systems to text: UTF-8 with or without BOM, Shift_JIS (CP932),
 * CRLF or LF. Uses the WHATWG TextDecoder ("shift_jis" there is Windows-31J, i.e. CP932).
 */

/** Result of decoding a file. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

/** Why a file could not be read as text. */
export class DecodeError extends Error {}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** Decode a filing's bytes; line endings become LF. Throws DecodeError for binary data. */
export function decodeFiling(bytes: Uint8Array): Decoded {
  // UTF-16 (Windows' "Unicode" text) carries a byte-order mark; its zero bytes are not binary.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return { text: text.replace(/\r\n?/gu, '\n'), encoding: utf16, bom: true };
    } catch (cause) {
      throw new DecodeError(`the file starts as ${utf16.toUpperCase()} text but is damaged; save it again as UTF-8 and import that`, {
        cause,
      });
    }
  }
  if (looksBinary(bytes)) {
    throw new DecodeError('this is a binary file, not text; export the filing as text (UTF-8 or Shift_JIS) and import that');
  }
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      encoding = 'shift_jis';
    } catch (cause) {
      throw new DecodeError('the text is neither UTF-8 nor Shift_JIS (CP932); convert it to UTF-8 and import again', {
        cause,
      });
    }
  }
  return { text: text.replace(/\r\n?/gu, '\n'), encoding, bom };
}
