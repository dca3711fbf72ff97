import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fileSystemReason } from '../system-faults.js';
import { isInside, pathInside } from '../workspace-path.js';

/** Largest report or list read: V8 cannot hold a longer string, and no real report comes near it. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Path relative to the workspace, with forward slashes, for messages and evidence. */
export function displayPath(file: string, workspace: string): string {
  const rel = pathInside(workspace, file);
  return rel === undefined || rel === '' ? file.split(path.sep).join('/') : rel;
}

/**
 * Reads a file that must lie inside the workspace (after following symbolic links). Every known
 * failure is a UserError naming the file: missing, a folder, unreadable, too large, or outside the
 * workspace; any other error is a bug, thrown as it is.
 */
export async function readInsideWorkspace(file: string, workspace: string, what: string): Promise<Uint8Array> {
  const { real, shown } = await checkInsideWorkspace(file, workspace, what);
  try {
    return await fs.readFile(real);
  } catch (e) {
    throw unreadable(what, shown, e);
  }
}

/**
 * Bytes read at a time from a large file. The text of a piece, with what waits from the one before,
 * stays under V8's 128 KiB for a regular heap object even as a two-byte string (non-ASCII text):
 * larger strings go to its large-object space, where making and joining them costs ten times more.
 */
export const PIECE_BYTES = 48 * 1024;

/**
 * Reads a file inside the workspace in pieces, under the same checks as `readInsideWorkspace`. Each
 * piece is at least `atLeast()` bytes (asked before each read), so a reader waiting for the end of a long
 * item gets it in a few reads. The next piece is read while the caller works on this one: a piece is
 * valid until the next one is asked for.
 */
export async function* readPiecesInsideWorkspace(file: string, workspace: string, what: string, atLeast: () => number = () => 0): AsyncGenerator<Uint8Array> {
  const { real, shown } = await checkInsideWorkspace(file, workspace, what);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(real, 'r');
  } catch (e) {
    throw unreadable(what, shown, e);
  }
  // Two buffers: one read into while the caller has the other.
  const buffers = [Buffer.allocUnsafe(PIECE_BYTES), Buffer.allocUnsafe(PIECE_BYTES)];
  let turn = 0;
  const readNext = (): Promise<Uint8Array> => {
    const want = Math.min(Math.max(PIECE_BYTES, atLeast()), MAX_INPUT_BYTES);
    if (want > buffers[turn]!.length) buffers[turn] = Buffer.allocUnsafe(want);
    const buffer = buffers[turn]!;
    turn = 1 - turn;
    return handle.read(buffer, 0, want).then(
      ({ bytesRead }) => buffer.subarray(0, bytesRead),
      (e: unknown) => {
        throw unreadable(what, shown, e);
      },
    );
  };
  let next: Promise<Uint8Array> | undefined = readNext();
  try {
    let total = 0;
    for (;;) {
      const piece: Uint8Array = await next;
      next = undefined;
      if (piece.length === 0) return;
      total += piece.length;
      // A file that grows while it is read stops at the same limit.
      if (total > MAX_INPUT_BYTES) throw new UserError(`${what} grew past the ${MAX_INPUT_BYTES} bytes the gate reads while it was read`, { file: shown });
      next = readNext();
      yield piece;
    }
  } finally {
    // A read still under way ends before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** The real path of a file that may be read: inside the workspace, a regular file, not too large. */
async function checkInsideWorkspace(file: string, workspace: string, what: string): Promise<{ real: string; shown: string }> {
  const shown = displayPath(path.resolve(workspace, file), workspace);
  let real: string;
  let realWorkspace: string;
  try {
    real = await fs.realpath(path.resolve(workspace, file));
    realWorkspace = await fs.realpath(workspace);
  } catch (e) {
    throw fault(e, `${what} not found`, shown);
  }
  if (!isInside(realWorkspace, real)) {
    throw new UserError(`${what} lies outside the workspace (${realWorkspace}); the gate reads only files of the repository checkout`, { file: shown });
  }
  let stat;
  try {
    stat = await fs.stat(real);
  } catch (e) {
    throw unreadable(what, shown, e);
  }
  if (stat.isDirectory()) throw new UserError(`${what} is a folder, not a file`, { file: shown });
  // A pipe or device would block the read, or never end: only regular files are read.
  if (!stat.isFile()) throw new UserError(`${what} is not a regular file (a pipe, socket or device)`, { file: shown });
  if (stat.size > MAX_INPUT_BYTES) throw new UserError(`${what} is ${stat.size} bytes, more than the ${MAX_INPUT_BYTES} the gate reads`, { file: shown });
  return { real, shown };
}

/** The error for a file that could not be opened, looked at or read, with the system's reason. */
function unreadable(what: string, shown: string, e: unknown): unknown {
  return fault(e, `${what} could not be read`, shown);
}

/** A known file-system failure as a UserError naming `file` (a missing file needs no reason); any other error as it is. */
function fault(e: unknown, what: string, file: string): unknown {
  const reason = fileSystemReason(e);
  if (reason === undefined) return e;
  return new UserError((e as NodeJS.ErrnoException).code === 'ENOENT' ? what : `${what}: ${reason}`, { file });
}

/**
 * Makes the evidence folder and returns its real path. It must lie inside the workspace, also after
 * following symbolic links: neither the input nor a link committed in the checkout can send the
 * evidence elsewhere (readSettings refuses a path outside before anything is read; this checks again).
 */
export async function evidenceFolder(folder: string, workspace: string): Promise<string> {
  const wanted = path.resolve(workspace, folder);
  const realWorkspace = await fs.realpath(workspace);
  if (!isInside(workspace, wanted) && !isInside(realWorkspace, wanted)) {
    throw new UserError(`input "evidence-dir" lies outside the workspace (${workspace}); give a folder inside the checkout, relative to it`, { file: folder });
  }
  const check = (real: string): void => {
    if (!isInside(realWorkspace, real)) {
      throw new UserError(`input "evidence-dir" leads out of the workspace through a symbolic link (to ${real}); the gate writes evidence only inside the checkout`, {
        file: folder,
      });
    }
  };
  // Before anything is made: the deepest part of the path that exists must not lead outside.
  let existing = wanted;
  for (;;) {
    const real = await fs.realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      check(path.join(real, path.relative(existing, wanted)));
      break;
    }
    if ((await fs.lstat(existing).catch(() => undefined))?.isSymbolicLink()) {
      throw new UserError(`input "evidence-dir" passes through a symbolic link that leads nowhere (${displayPath(existing, workspace)}); remove it from the checkout`, { file: folder });
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    await fs.mkdir(wanted, { recursive: true });
  } catch (e) {
    throw fault(e, 'the evidence folder could not be made', folder);
  }
  const real = await fs.realpath(wanted);
  check(real);
  return real;
}
