import { renderAnomaliesCsv, renderAnomaliesMarkdown } from './anomaly-list.js';
import { EVIDENCE_FILES, evidenceJsonEnd, evidenceJsonHeadChunks, testLinePrefix, TestRecordLines } from './evidence.js';
import { evidenceHtmlChunks } from './html.js';
import { matrixCsvChunks } from './matrix-csv.js';
import { renderSoupCsv, renderSoupMarkdown } from './soup.js';
import { renderSummary } from './summary.js';
import { TestCsvRows, TESTS_CSV_HEADER } from './tests-csv.js';
import type { Anomaly, Evidence, ReleaseRecord, TracedTest } from '../model/index.js';
import { renderRecordFiles } from './record-files.js';
import { checklistRows } from './release-checklist.js';

/** The name of an evidence file in the evidence folder. */
export type EvidenceFileName = (typeof EVIDENCE_FILES)[keyof typeof EVIDENCE_FILES];

/** Text written piece by piece to one place (a file, or memory in tests). */
export interface TextOut {
  /** Takes text without waiting; true when the caller should `flush` before adding more. */
  add(text: string): boolean;
  flush(): Promise<void>;
  /** Writes what is left and keeps the whole text. */
  close(): Promise<void>;
  /** Gives the text up: nothing partial stays behind to be taken for evidence. A closed text is kept. */
  discard(): Promise<void>;
}

/** Where the lines of the `tests` list wait until the head of traceability.json can be written. */
export interface Spool extends TextOut {
  /** Adds everything the closed spool holds to `out`, in order. */
  pourInto(out: TextOut): Promise<void>;
}

/** Where the evidence goes: the files of the evidence folder, and a spool for the test lines. */
export interface EvidenceSinks {
  file(name: EvidenceFileName): Promise<TextOut>;
  spool(): Promise<Spool>;
  /** Removes what only the writing needed (the spool). */
  dispose(): Promise<void>;
}

/**
 * The one way the evidence is written. Tests come report by report (`addTests`) and go to tests.csv
 * and the spool at once; once they are all in (`endTests`), `finish` writes traceability.json (head,
 * spooled tests, end) and the readable files. Memory stays bounded by one report's tests.
 */
export class EvidenceWriter {
  private readonly rows = new TestCsvRows();
  private readonly lines = new TestRecordLines();
  private written = 0;

  private constructor(
    private readonly sinks: EvidenceSinks,
    private readonly testsCsv: TextOut,
    private readonly spool: Spool,
  ) {}

  static async open(sinks: EvidenceSinks): Promise<EvidenceWriter> {
    const testsCsv = await sinks.file(EVIDENCE_FILES.tests);
    const spool = await sinks.spool().catch(async (e: unknown) => {
      await testsCsv.discard();
      throw e;
    });
    const writer = new EvidenceWriter(sinks, testsCsv, spool);
    try {
      await write(testsCsv, TESTS_CSV_HEADER);
    } catch (e) {
      await writer.abort();
      throw e;
    }
    return writer;
  }

  /** Writes the tests of one report; gives how many there were. */
  async addTests(tests: Iterable<TracedTest>): Promise<number> {
    let count = 0;
    for (const t of tests) {
      count++;
      const full = this.testsCsv.add(this.rows.row(t));
      if (this.spool.add(`${testLinePrefix(this.written++)}${this.lines.line(t)}`) || full) {
        await this.spool.flush();
        await this.testsCsv.flush();
      }
    }
    return count;
  }

  /** Every test is in: closes tests.csv and the spool. */
  async endTests(): Promise<void> {
    await closeAll([this.spool, this.testsCsv]);
  }

  /** Gives up before the end: a partial tests.csv must not stay behind as if it listed every test. */
  async abort(): Promise<void> {
    await Promise.all([this.spool.discard(), this.testsCsv.discard()]);
  }

  /**
   * traceability.json, then the readable evidence; the anomaly files when anomalies were configured;
   * the SOUP files when SOUP was checked; the release record's three files when it was made (pass or
   * fail: a failed release needs its record as much), with the anomalies its notes list.
   */
  async finish(evidence: Evidence, options: { readonly anomalies: boolean; readonly record?: ReleaseRecord; readonly anomalyList?: readonly Anomaly[] }): Promise<void> {
    await this.writeFile(EVIDENCE_FILES.json, evidenceJsonHeadChunks(evidence), this.spool, evidenceJsonEnd(this.written));
    await this.writeFile(EVIDENCE_FILES.html, evidenceHtmlChunks(evidence, options.record === undefined ? undefined : checklistRows(options.record, evidence)));
    await this.writeFile(EVIDENCE_FILES.markdown, [renderSummary(evidence, { budgetBytes: Number.POSITIVE_INFINITY })]);
    await this.writeFile(EVIDENCE_FILES.csv, matrixCsvChunks(evidence));
    if (options.anomalies) {
      await this.writeFile(EVIDENCE_FILES.anomaliesMarkdown, [renderAnomaliesMarkdown(evidence)]);
      await this.writeFile(EVIDENCE_FILES.anomaliesCsv, [renderAnomaliesCsv(evidence)]);
    }
    if (evidence.soup !== undefined) {
      await this.writeFile(EVIDENCE_FILES.soupMarkdown, [renderSoupMarkdown(evidence.soup)]);
      await this.writeFile(EVIDENCE_FILES.soupCsv, [renderSoupCsv(evidence.soup)]);
    }
    if (options.record !== undefined) {
      for (const [name, text] of renderRecordFiles(options.record, evidence, options.anomalyList ?? [])) await this.writeFile(name, [text]);
    }
  }

  /** One file: the chunks, then what `spooled` holds and `end`. */
  private async writeFile(name: EvidenceFileName, chunks: Iterable<string>, spooled?: Spool, end = ''): Promise<void> {
    await writeWhole(await this.sinks.file(name), chunks, spooled, end);
  }
}

/** Writes the chunks (then what `spooled` holds and `end`) and closes `out`; on any failure `out` is given up. */
export async function writeWhole(out: TextOut, chunks: Iterable<string>, spooled?: Spool, end = ''): Promise<void> {
  try {
    for (const chunk of chunks) await write(out, chunk);
    if (spooled !== undefined) await spooled.pourInto(out);
    if (end !== '') await write(out, end);
  } catch (e) {
    await out.discard();
    throw e;
  }
  await out.close();
}

async function write(out: TextOut, text: string): Promise<void> {
  if (out.add(text)) await out.flush();
}

/** Closes the texts in order; when one fails, the ones not yet closed are given up too. */
export async function closeAll(outs: readonly TextOut[]): Promise<void> {
  for (const [i, out] of outs.entries()) {
    try {
      await out.close();
    } catch (e) {
      await Promise.all(outs.slice(i + 1).map((o) => o.discard()));
      throw e;
    }
  }
}
