import { csvField } from '../report/escape.js';
import type { Evidence } from '../report/evidence.js';

const HEADER = ['report', 'name', 'status', 'requirements', 'duration', 'flaky'] as const;

/** How many rows go into one chunk. */
const ROWS_PER_CHUNK = 2000;

/**
 * The test record of the release (evidence/tests.csv): every test the gate read, one row each, in the
 * evidence's order, with its report, status, the requirement IDs it verifies (space-separated), its
 * duration in seconds and whether it passed only on a rerun. CSV as RFC 4180 (CRLF, quoted fields).
 */
export function renderTestsCsv(evidence: Evidence): string {
  return [...testsCsvChunks(evidence)].join('');
}

/** The same in pieces, to be written as they come: a large suite is never held as one string. */
export function* testsCsvChunks(evidence: Evidence): Generator<string> {
  yield `${HEADER.join(',')}\r\n`;
  const tests = evidence.tests;
  for (let from = 0; from < tests.length; from += ROWS_PER_CHUNK) {
    let chunk = '';
    for (const t of tests.slice(from, from + ROWS_PER_CHUNK)) {
      chunk += `${[t.report, t.name, t.status, t.ids.join(' '), t.time, t.flaky].map(csvField).join(',')}\r\n`;
    }
    yield chunk;
  }
}
