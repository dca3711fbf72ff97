import type { TracedTest } from '../model/index.js';
import { csvField } from './escape.js';
import { Memo } from './evidence.js';

const HEADER = ['no', 'report', 'classname', 'name', 'status', 'requirements', 'duration', 'flaky', 'explained_by'] as const;

/** The first line of tests.csv. */
export const TESTS_CSV_HEADER = `${HEADER.join(',')}\r\n`;

/**
 * Rows of the test record as CSV (tests.csv): every test the gate read, in evidence order, with its
 * number (1-based position in the evidence's test list), report, class and name as the report writes
 * them, status, the requirement IDs it names (space-separated), duration in seconds, whether it passed
 * only on a rerun, and the anomalies that explain it. RFC 4180: CRLF, fields quoted when needed. The
 * fields neighbouring tests share (report, class, IDs) are made once and reused.
 */
export class TestCsvRows {
  private readonly report = new Memo<string>(csvField);
  private readonly classname = new Memo<string>(csvField);
  private readonly ids = new Memo<readonly string[]>((ids) => csvField(ids.join(' ')));

  row(t: TracedTest): string {
    const explained = t.explainedBy.length === 0 ? '' : csvField(t.explainedBy.join(' '));
    return `${t.index + 1},${this.report.of(t.report)},${this.classname.of(t.test.classname)},${csvField(t.test.name)},${t.status},${this.ids.of(t.ids)},${csvField(String(t.test.time))},${t.flaky},${explained}\r\n`;
  }
}
