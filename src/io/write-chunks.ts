import fs from 'node:fs/promises';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { fileSystemFault, fileSystemFix } from '../system-faults.js';
import type { TextOut } from '../report/evidence-writer.js';

/** Largest piece handed to the file system at once. */
const FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * A file written piece by piece (a large evidence file), never held whole. What stood at the path
 * before is removed first and the file is created anew ('wx'), so a symbolic link committed under that
 * name is replaced, never written through. A file that cannot be written whole (a read-only folder, a
 * full disk) is removed, and the failure is a UserError naming it: no half-written file stays behind
 * to be taken for evidence.
 */
export class TextSink implements TextOut {
  /**
   * Text is encoded into one buffer while the other is being written: the file system works while the
   * next piece is made. One write at a time, in order.
   */
  private buffer = Buffer.allocUnsafe(FLUSH_BYTES);
  private spare = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  /** The write in progress (of `spare`'s content). */
  private writing: Promise<unknown> = Promise.resolve();
  /** Text that did not fit, in order, after what is in the buffer. */
  private overflow: string[] = [];

  /** Closed (and kept), or removed after a failure. */
  private ended = false;

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly file: string,
    private readonly what: string,
  ) {}

  /** `what` names the file in messages: "the evidence file" unless said otherwise. */
  static async create(file: string, what = 'the evidence file'): Promise<TextSink> {
    const existing = await fs.lstat(file).catch(() => undefined);
    if (existing?.isDirectory()) throw new UserError('a folder stands where the gate writes this evidence file; remove it from the checkout', { file });
    try {
      await fs.rm(file, { force: true });
      return new TextSink(await fs.open(file, 'wx'), file, what);
    } catch (e) {
      throw writeFault(e, `${what} could not be created`, file);
    }
  }

  /**
   * Adds text without waiting; says whether the buffer is full enough that the caller should `flush`
   * before adding more. Text of any length is taken.
   */
  add(text: string): boolean {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8. Once text waits outside the buffer,
    // everything after it waits too, so that the file keeps the order of the text.
    if (this.overflow.length > 0 || text.length * 3 > this.buffer.length - this.used) {
      this.overflow.push(text);
      return true;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    return this.used > this.buffer.length / 2;
  }

  /** Adds text, writing what has gathered when the buffer is full. */
  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Adds the whole content of another file, read in pieces: the next piece is read while one is written. */
  async append(file: string): Promise<void> {
    await this.flush();
    await this.writing;
    const from = await fs.open(file, 'r').catch((e: unknown) => {
      throw this.fail(e, file);
    });
    // The sink's two buffers, empty now: one is read into while the other is written.
    const buffers = [this.buffer, this.spare];
    let reading = from.read(buffers[0]!, 0, FLUSH_BYTES);
    let writing: Promise<unknown> = Promise.resolve();
    try {
      for (let turn = 0; ; turn = 1 - turn) {
        const { bytesRead, buffer } = await reading;
        if (bytesRead === 0) break;
        // The other buffer is free once its write is done.
        await writing;
        reading = from.read(buffers[1 - turn]!, 0, FLUSH_BYTES);
        writing = this.writeAll(buffer.subarray(0, bytesRead));
      }
      await writing;
    } catch (e) {
      // A read that failed names the file read; a write, this one.
      throw this.fail(e, (await reading.then(() => false, () => true)) ? file : this.file);
    } finally {
      // Whatever failed, nothing is left under way on the files.
      await Promise.allSettled([reading, writing]);
      await from.close();
    }
  }

  /** Adds bytes already encoded (UTF-8), in order, after what the sink holds. */
  async appendBytes(pieces: readonly Uint8Array[]): Promise<void> {
    await this.flush();
    await this.writing;
    for (const piece of pieces) {
      await this.writeAll(piece).catch((e: unknown) => {
        throw this.fail(e);
      });
    }
  }

  /** Writes what has gathered and closes the file; on a failure the file is removed. */
  async close(): Promise<void> {
    if (this.ended) return;
    try {
      await this.flush();
      await this.writing;
    } catch (e) {
      await this.discard();
      throw this.fail(e);
    }
    this.ended = true;
    try {
      await this.handle.close();
    } catch (e) {
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      throw this.fail(e);
    }
  }

  /**
   * Gives the file up and removes it: what stopped the writer before the end (a failed write here, or
   * any failure of the step) must not leave a partial file that looks whole. A closed file is kept.
   */
  async discard(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.writing.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await fs.rm(this.file, { force: true }).catch(() => undefined);
  }

  /**
   * Writes every byte. On a disk that fills up, a write may take only a part and the next one fail:
   * a part taken without a word would leave a file cut short that looks whole.
   */
  private async writeAll(data: Uint8Array): Promise<void> {
    for (let at = 0; at < data.length; ) {
      const { bytesWritten } = await this.handle.write(data, at, data.length - at);
      if (bytesWritten === 0) throw Object.assign(new Error(`no byte of ${data.length - at} was written`), { code: 'ENOSPC' });
      at += bytesWritten;
    }
  }

  /** A failure as the message a user can act on, naming `file` (this one unless said). */
  private fail(e: unknown, file: string = this.file): unknown {
    if (isUserError(e)) return e;
    return writeFault(e, file === this.file ? `${this.what} could not be written whole, so it was removed` : `${file} could not be read into ${this.what}`, file);
  }

  /** Starts writing what has gathered; returns once the buffer can take text again. */
  async flush(): Promise<void> {
    if (this.used > 0) {
      await this.writing;
      const full = this.buffer.subarray(0, this.used);
      [this.buffer, this.spare] = [this.spare, this.buffer];
      this.used = 0;
      const writing = this.writeAll(full).catch((e: unknown) => {
        throw this.fail(e);
      });
      // Its failure is reported where it is awaited (the next flush, or close), not as an unhandled rejection.
      writing.catch(() => undefined);
      this.writing = writing;
    }
    if (this.overflow.length > 0) {
      // Text too long for the buffer goes to the file as it is, in order, after what came before it.
      await this.writing;
      const overflow = this.overflow;
      this.overflow = [];
      for (const text of overflow) {
        await this.writeAll(Buffer.from(text, 'utf8')).catch((e: unknown) => {
          throw this.fail(e);
        });
      }
    }
  }
}

/**
 * A failed file operation as a UserError naming the file, the system's reason and what to do; other
 * errors (bugs) as they are.
 */
export function writeFault(e: unknown, what: string, file: string): unknown {
  return fileSystemFault(e, what, fileSystemFix(e, path.dirname(file)), { file }) ?? e;
}
