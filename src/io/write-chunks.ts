import fs from 'node:fs/promises';

/** Largest piece handed to the file system at once. */
const FLUSH_BYTES = 4 * 1024 * 1024;

/** Writes text that comes in pieces (a large evidence file) without holding all of it at once. */
export async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const handle = await fs.open(file, 'w');
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
