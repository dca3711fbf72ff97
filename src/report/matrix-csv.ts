import { csvField } from './escape.js';
import type { Evidence } from './evidence.js';

const HEADER = ['requirement', 'title', 'requirement_status', 'test', 'test_status', 'report'] as const;

/** The traceability matrix as CSV: one row per requirement and test, a requirement without tests once. */
export function renderMatrixCsv(evidence: Evidence): string {
  const rows: string[] = [HEADER.join(',')];
  for (const r of evidence.requirements) {
    const base = [r.id, r.title, r.status];
    if (r.tests.length === 0) rows.push([...base, '', '', ''].map(csvField).join(','));
    for (const t of r.tests) rows.push([...base, t.name, t.status, t.report].map(csvField).join(','));
  }
  for (const u of evidence.unknownIds) {
    for (const t of u.tests) rows.push([u.id, '', 'unknown', t.name, t.status, t.report].map(csvField).join(','));
  }
  for (const t of evidence.untracedTests) rows.push(['', '', 'untraced', t.name, t.status, t.report].map(csvField).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
