import { isAscii, isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';
import { lineBreaksBefore } from './xml-text.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Encodings a report may declare that decode to the same text as UTF-8 for what a JUnit report holds. */
const LATIN_ENCODINGS = new Set(['iso-8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252']);
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/**
 * Turns the bytes of a report into text. Refuses, naming the file, what cannot be read without guessing:
 * UTF-16/UTF-32 (by byte-order mark), bytes that are not valid UTF-8, and unknown declared encodings.
 */
export function decodeReport(file: string, bytes: Uint8Array): string {
  return new ReportDecoder(file).push(bytes, true);
}

/** Bytes enough to see a byte-order mark and the XML declaration's encoding. */
const HEAD_BYTES = 200;
const NO_BYTES = new Uint8Array(0);

/**
 * `decodeReport` for a file read in pieces: `push` each piece in order (`final` with the last) and get
 * its text; a character cut between two pieces is decoded with the next. The same text and the same
 * refusals, with the same byte offsets and lines, as on the whole file.
 */
export class ReportDecoder {
  /** Bytes held back: the head until the encoding is known, then a cut character. */
  private held: Uint8Array = NO_BYTES;
  private started = false;
  /** Length of the byte-order mark; bytes of the body decoded so far, and the line breaks among them. */
  private bom = 0;
  private offset = 0;
  private lines = 0;
  private latin: InstanceType<typeof TextDecoder> | undefined;

  constructor(private readonly file: string) {}

  push(piece: Uint8Array, final: boolean): string {
    let bytes = this.held.length === 0 ? piece : Buffer.concat([this.held, piece]);
    this.held = NO_BYTES;
    if (!this.started) {
      if (bytes.length < HEAD_BYTES && !final) {
        this.held = copyOf(bytes);
        return '';
      }
      this.started = true;
      bytes = this.start(bytes);
    }
    if (this.latin !== undefined) return this.latin.decode(bytes, { stream: !final });
    let end = bytes.length;
    if (!final) {
      end = completeEnd(bytes);
      if (end < bytes.length) this.held = copyOf(bytes.subarray(end));
    }
    const body = bytes.subarray(0, end);
    // A vectorised check first, then Buffer's decoding, which gives the same text as a fatal TextDecoder
    // for valid UTF-8; ASCII only is copied as Latin-1, with no decoding at all.
    if (!isUtf8(body)) {
      const at = firstInvalidUtf8(body);
      throw new UserError(`the file is not valid UTF-8 (invalid byte 0x${hex(body[at] ?? 0)} at byte offset ${this.offset + at + this.bom})`, {
        file: this.file,
        line: this.lines + lineOfByte(body, at),
      });
    }
    this.offset += end;
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    // A second byte-order mark after the first is text, kept as U+FEFF, as a decoder with ignoreBOM does.
    const text = buffer.toString(isAscii(body) ? 'latin1' : 'utf8');
    // Line breaks counted in the text (one character per byte 0x0A): faster than in the bytes.
    if (!final) this.lines += lineBreaksBefore(text);
    return text;
  }

  /** The head of the file: refuses UTF-16 and UTF-32, skips a UTF-8 byte-order mark, reads the declared encoding. */
  private start(bytes: Uint8Array): Uint8Array {
    const file = this.file;
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new UserError('the file is encoded in UTF-16 (it starts with a UTF-16 byte-order mark); write the report as UTF-8', { file, line: 1 });
    }
    if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
      throw new UserError('the file is encoded in UTF-32; write the report as UTF-8', { file, line: 1 });
    }
    if (UTF8_BOM.every((b, i) => bytes[i] === b)) this.bom = 3;
    const body = bytes.subarray(this.bom);
    const declared = declaredEncoding(body);
    if (declared !== undefined && !UTF8_NAMES.has(declared)) {
      if (!LATIN_ENCODINGS.has(declared)) {
        throw new UserError(`the XML declaration names encoding "${declared}", which the gate does not read; write the report as UTF-8`, { file, line: 1 });
      }
      this.latin = new TextDecoder('windows-1252');
    }
    return body;
  }
}

/**
 * A copy of bytes held for the next piece: a piece's memory is read into again once it is decoded (and
 * a Buffer's `slice` would share it, not copy it).
 */
function copyOf(b: Uint8Array): Uint8Array {
  const copy = new Uint8Array(b.length);
  copy.set(b);
  return copy;
}

/** Where the last whole UTF-8 character of `b` ends: before a character the next piece completes. */
function completeEnd(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue;
    const length = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + length > n ? i : n;
  }
  return n;
}

function declaredEncoding(body: Uint8Array): string | undefined {
  // The declaration, when present, is ASCII and comes first.
  const head = new TextDecoder('latin1').decode(body.subarray(0, HEAD_BYTES));
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
