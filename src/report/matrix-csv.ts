import { csvField } from './escape.js';
import type { Evidence } from '../model/index.js';

const HEADER = ['requirement', 'title', 'status', 'tests', 'failed_or_errored', 'accepted_by', 'test_numbers'] as const;

/**
 * The traceability matrix as CSV (traceability.csv): one row per requirement of the list, then one
 * per ID that tests name but the list lacks (status `unknown`). `test_numbers` are the tests' numbers
 * in tests.csv (space-separated), so the matrix joins the test record in any spreadsheet.
 */
export function* matrixCsvChunks(evidence: Evidence): Generator<string> {
  const row = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\r\n`;
  yield row(HEADER);
  for (const r of evidence.requirements) {
    yield row([r.id, r.title, r.status, String(r.tests.count), String(r.failing.count), (r.acceptedBy ?? []).join(' '), numbers(r.tests.positions)]);
  }
  for (const u of evidence.unknownIds) yield row([u.id, '', 'unknown', String(u.tests.count), '', '', numbers(u.tests.positions)]);
}

/** The matrix CSV in one string. */
export function renderMatrixCsv(evidence: Evidence): string {
  return [...matrixCsvChunks(evidence)].join('');
}

function numbers(indexes: readonly number[]): string {
  // Joined in batches: a string built by += over a million numbers holds two small objects per number
  // until it is written.
  const batches: string[] = [];
  for (let i = 0; i < indexes.length; i += NUMBERS_PER_BATCH) batches.push(indexes.slice(i, i + NUMBERS_PER_BATCH).map((n) => n + 1).join(' '));
  return batches.join(' ');
}

const NUMBERS_PER_BATCH = 10_000;
