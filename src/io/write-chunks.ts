import fs from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Largest piece handed to the file system at once. */
const FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * A file written piece by piece (a large evidence file), never held whole. What stood at the path
 * before is removed first and the file is created anew ('wx'), so a symbolic link committed under that
 * name is replaced, never written through.
 */
export class TextSink {
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

  private constructor(private readonly handle: fs.FileHandle) {}

  static async create(file: string): Promise<TextSink> {
    const existing = await fs.lstat(file).catch(() => undefined);
    if (existing?.isDirectory()) throw new UserError('a folder stands where the gate writes this evidence file; remove it from the checkout', { file });
    await fs.rm(file, { force: true });
    return new TextSink(await fs.open(file, 'wx'));
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
    const from = await fs.open(file, 'r');
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
        writing = this.handle.write(buffer.subarray(0, bytesRead));
      }
      await writing;
    } finally {
      // Whatever failed, nothing is left under way on the files.
      await Promise.allSettled([reading, writing]);
      await from.close();
    }
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await this.writing;
    } finally {
      await this.handle.close();
    }
  }

  /** Starts writing what has gathered; returns once the buffer can take text again. */
  async flush(): Promise<void> {
    if (this.used > 0) {
      await this.writing;
      const full = this.buffer.subarray(0, this.used);
      [this.buffer, this.spare] = [this.spare, this.buffer];
      this.used = 0;
      const writing = this.handle.write(full);
      // Its failure is reported where it is awaited (the next flush, or close), not as an unhandled rejection.
      writing.catch(() => undefined);
      this.writing = writing;
    }
    if (this.overflow.length > 0) {
      // Text too long for the buffer goes to the file as it is, in order, after what came before it.
      await this.writing;
      const overflow = this.overflow;
      this.overflow = [];
      for (const text of overflow) await this.handle.write(text);
    }
  }
}

/** Writes text that comes in pieces without holding all of it at once (see `TextSink`). */
export async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const sink = await TextSink.create(file);
  try {
    for (const chunk of chunks) await sink.write(chunk);
  } finally {
    await sink.close();
  }
}

/** Writes a whole file the same way: never through a symbolic link that stood at its path. */
export async function writeNew(file: string, text: string): Promise<void> {
  await writeChunks(file, [text]);
}
