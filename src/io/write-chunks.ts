import fs from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Largest piece handed to the file system at once. */
const FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * Writes text that comes in pieces (a large evidence file) without holding all of it at once. What
 * stood at the path before is removed first and the file is created anew ('wx'), so a symbolic link
 * committed under that name is replaced, never written through.
 */
export async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const existing = await fs.lstat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError('a folder stands where the gate writes this evidence file; remove it from the checkout', { file });
  await fs.rm(file, { force: true });
  const handle = await fs.open(file, 'wx');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_BYTES) {
        await handle.write(pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) await handle.write(pending.join(''));
  } finally {
    await handle.close();
  }
}

/** Writes a whole file the same way: never through a symbolic link that stood at its path. */
export async function writeNew(file: string, text: string): Promise<void> {
  await writeChunks(file, [text]);
}
