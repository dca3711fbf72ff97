import { csvField } from './escape.js';
import type { Evidence } from './evidence.js';

const HEADER = ['requirement', 'title', 'requirement_status', 'test', 'test_status', 'report'] as const;

/** The traceability matrix as CSV in one string; see `matrixCsvChunks`. */
export function renderMatrixCsv(evidence: Evidence): string {
  return [...matrixCsvChunks(evidence)].join('');
}

/**
 * The traceability matrix as CSV, one chunk per requirement (and per unknown ID): one row per
 * requirement and test, a requirement without tests once, then unknown IDs and untraced tests.
 */
export function* matrixCsvChunks(evidence: Evidence): Generator<string> {
  const row = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\r\n`;
  yield row(HEADER);
  for (const r of evidence.requirements) {
    const base = [r.id, r.title, r.status];
    yield r.tests.length === 0 ? row([...base, '', '', '']) : r.tests.map((t) => row([...base, t.name, t.status, t.report])).join('');
  }
  for (const u of evidence.unknownIds) yield u.tests.map((t) => row([u.id, '', 'unknown', t.name, t.status, t.report])).join('');
  yield evidence.untracedTests.map((t) => row(['', '', 'untraced', t.name, t.status, t.report])).join('');
}
