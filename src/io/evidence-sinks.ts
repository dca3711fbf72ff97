import fs from 'node:fs/promises';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { EvidenceFileName, EvidenceSinks, Spool, TextOut } from '../report/evidence-writer.js';
import { evidenceFolder } from './files.js';
import { makeScratchFolder } from './runner.js';
import { TextSink } from './write-chunks.js';

/**
 * The evidence as files: in the evidence folder (made and checked on first use, after the lists are
 * read), with the test lines of a large record spooled to a file in a scratch folder of RUNNER_TEMP.
 */
export class EvidenceFiles implements EvidenceSinks {
  private places: Promise<{ readonly folder: string; readonly scratch: string }> | undefined;

  constructor(
    private readonly evidenceDir: string,
    private readonly workspace: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The real path of the evidence folder. */
  async folder(): Promise<string> {
    return (await this.prepared()).folder;
  }

  async file(name: EvidenceFileName): Promise<TextOut> {
    return await TextSink.create(path.join(await this.folder(), name));
  }

  async spool(): Promise<Spool> {
    const file = path.join((await this.prepared()).scratch, 'tests.jsonl');
    // A run large enough for the worker thread spools to the file from the first line: holding its
    // first lines in memory raised its peak (by 44 MB at 200,000 cases) for nothing it could save.
    return new SpillingSpool(() => TextSink.create(file, 'the spool file of the test record in RUNNER_TEMP'), file, isMainThread ? SPOOL_MEMORY_BYTES : 0);
  }

  async dispose(): Promise<void> {
    const places = await this.places?.catch(() => undefined);
    if (places !== undefined) await fs.rm(places.scratch, { recursive: true, force: true });
  }

  private prepared(): Promise<{ readonly folder: string; readonly scratch: string }> {
    this.places ??= (async () => {
      const folder = await evidenceFolder(this.evidenceDir, this.workspace);
      return { folder, scratch: await makeScratchFolder(this.env) };
    })();
    return this.places;
  }
}

/** Bytes of test lines a spool of the main thread holds in memory before it moves them to its file. */
export const SPOOL_MEMORY_BYTES = 8 * 1024 * 1024;
/** The pieces of memory the held lines are encoded into. */
const HELD_CHUNK_BYTES = 1024 * 1024;

/**
 * The test lines, encoded once and held in memory until they pass `SPOOL_MEMORY_BYTES`: a run of that
 * size writes each test once, into traceability.json. (Held as UTF-8 bytes: the strings of the lines
 * would weigh several times more on the heap.) A larger record moves to a spool file, made on the first
 * flush past the bound, and is poured into the evidence file as bytes: its JSON is never decoded again.
 */
class SpillingSpool implements Spool {
  /** Chunks filled, each cut to what it holds. */
  private held: Buffer[] = [];
  /** The chunk being filled, and how many of its bytes are used. */
  private current: Buffer | undefined;
  private used = 0;
  private heldBytes = 0;
  private sink: TextSink | undefined;
  private ended = false;

  constructor(
    private readonly create: () => Promise<TextSink>,
    private readonly file: string,
    private readonly bound: number,
  ) {}

  add(text: string): boolean {
    if (this.sink !== undefined) return this.sink.add(text);
    if (this.ended) throw new Error('internal error: a test line added to a closed spool');

    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.current === undefined || text.length * 3 > this.current.length - this.used) {
      if (this.current !== undefined) this.held.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(HELD_CHUNK_BYTES, text.length * 3));
      this.used = 0;
    }
    const written = this.current.write(text, this.used, 'utf8');
    this.used += written;
    this.heldBytes += written;
    return this.heldBytes > this.bound;
  }

  async flush(): Promise<void> {
    if (this.sink === undefined && this.heldBytes > this.bound) await this.spill();
    await this.sink?.flush();
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.sink?.close();
  }

  async discard(): Promise<void> {
    this.ended = true;
    this.held = [];
    this.current = undefined;
    await this.sink?.discard();
  }

  async pourInto(out: TextOut): Promise<void> {
    if (!(out instanceof TextSink)) throw new Error('internal error: a spool can be poured only into a file of the evidence folder');
    if (this.sink === undefined) await out.appendBytes(this.heldBytesInOrder());
    else await out.append(this.file);
  }

  /** The held bytes, chunk by chunk. */
  private heldBytesInOrder(): Buffer[] {
    return this.current === undefined ? this.held : [...this.held, this.current.subarray(0, this.used)];
  }

  /** Moves what is held to the spool file, which takes every line from then on. */
  private async spill(): Promise<void> {
    const sink = await this.create();
    this.sink = sink;
    await sink.appendBytes(this.heldBytesInOrder());
    this.held = [];
    this.current = undefined;
    this.heldBytes = 0;
  }
}
