import fs from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceFileName, EvidenceSinks, Spool, TextOut } from '../report/evidence-writer.js';
import { evidenceFolder } from './files.js';
import { makeScratchFolder } from './runner.js';
import { TextSink } from './write-chunks.js';

/**
 * The evidence as files: in the evidence folder (made and checked on first use, after the lists are
 * read), with the test lines spooled to a file in a scratch folder of RUNNER_TEMP.
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
    return new FileSpool(await TextSink.create(file, 'the spool file of the test record in RUNNER_TEMP'), file);
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

/** A spool file, poured into a file sink as bytes: the JSON of the tests is never decoded again. */
class FileSpool implements Spool {
  constructor(
    private readonly sink: TextSink,
    private readonly file: string,
  ) {}

  add(text: string): boolean {
    return this.sink.add(text);
  }
  flush(): Promise<void> {
    return this.sink.flush();
  }
  close(): Promise<void> {
    return this.sink.close();
  }
  discard(): Promise<void> {
    return this.sink.discard();
  }

  async pourInto(out: TextOut): Promise<void> {
    if (!(out instanceof TextSink)) throw new Error('internal error: a spool file can be poured only into a file of the evidence folder');
    await out.append(this.file);
  }
}
