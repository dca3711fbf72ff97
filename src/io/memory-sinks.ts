import type { EvidenceFileName, EvidenceSinks, Spool, TextOut } from '../report/evidence-writer.js';

/** The evidence held in memory (tests, a preview): each file's text once it is closed. */
export class EvidenceInMemory implements EvidenceSinks {
  readonly files = new Map<EvidenceFileName, string>();

  file(name: EvidenceFileName): Promise<TextOut> {
    return Promise.resolve(new MemoryText((text) => this.files.set(name, text)));
  }

  spool(): Promise<Spool> {
    return Promise.resolve(new MemoryText(() => undefined));
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

class MemoryText implements Spool {
  private readonly parts: string[] = [];
  private ended = false;

  constructor(private readonly keep: (text: string) => void) {}

  add(text: string): boolean {
    if (this.ended) throw new Error('internal error: text added after the end');
    this.parts.push(text);
    return false;
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    if (!this.ended) this.keep(this.parts.join(''));
    this.ended = true;
    return Promise.resolve();
  }
  discard(): Promise<void> {
    this.ended = true;
    this.parts.length = 0;
    return Promise.resolve();
  }
  pourInto(out: TextOut): Promise<void> {
    for (const part of this.parts) out.add(part);
    return out.flush();
  }
}
