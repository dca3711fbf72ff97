import { isAscii, isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Encodings a report may declare that decode to the same text as UTF-8 for what a JUnit report holds. */
const LATIN_ENCODINGS = new Set(['iso-8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252']);
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/**
 * Turns the bytes of a report into text. Refuses, naming the file, what cannot be read without guessing:
 * UTF-16/UTF-32 (by byte-order mark), bytes that are not valid UTF-8, and unknown declared encodings.
 */
export function decodeReport(file: string, bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new UserError(
      'the file is encoded in UTF-16 (it starts with a UTF-16 byte-order mark); write the report as UTF-8',
      { file, line: 1 },
    );
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    throw new UserError('the file is encoded in UTF-32; write the report as UTF-8', { file, line: 1 });
  }
  let start = 0;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) start = 3;
  const body = bytes.subarray(start);

  const declared = declaredEncoding(body);
  if (declared !== undefined && !UTF8_NAMES.has(declared)) {
    if (LATIN_ENCODINGS.has(declared)) return new TextDecoder('windows-1252').decode(body);
    throw new UserError(
      `the XML declaration names encoding "${declared}", which the gate does not read; write the report as UTF-8`,
      { file, line: 1 },
    );
  }
  // A vectorised check first, then Buffer's decoding, which gives the same text as a fatal TextDecoder
  // for valid UTF-8; a file of ASCII only is copied as Latin-1, with no decoding at all.
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    throw new UserError(`the file is not valid UTF-8 (invalid byte 0x${hex(body[at] ?? 0)} at byte offset ${at + start})`, {
      file,
      line: lineOfByte(body, at),
    });
  }
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // A second byte-order mark after the first is text, kept as U+FEFF, as a decoder with ignoreBOM does.
  return buffer.toString(isAscii(body) ? 'latin1' : 'utf8');
}

function declaredEncoding(body: Uint8Array): string | undefined {
  // The declaration, when present, is ASCII and comes first.
  const head = new TextDecoder('latin1').decode(body.subarray(0, 200));
  const decl = /^\s*<\?xml\s[^?]*encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decl?.[1]?.trim().toLowerCase();
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range for the lead bytes whose sequences Unicode restricts (no overlong
    // forms, no surrogates, nothing above U+10FFFF).
    const second = b[i + 1];
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (n > 0 && (second === undefined || second < lo || second > hi)) return i;
    for (let k = 2; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

function lineOfByte(b: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return line;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
