import { csvField, escapeMarkdown } from './escape.js';
import type { AnomalyRecord, Evidence } from '../model/index.js';

const COLUMNS: readonly [string, (a: AnomalyRecord) => string][] = [
  ['ID', (a) => a.id],
  ['Title', (a) => a.title],
  ['Status', (a) => a.status],
  ['Residual', (a) => (a.residual ? 'yes' : 'no')],
  ['Severity', (a) => a.severity],
  ['Assessed', (a) => (a.assessed ? 'yes' : `no (missing ${a.missing.join(', ')})`)],
  ['Acceptable', (a) => (a.acceptable ? 'yes' : 'no')],
  ['Justification', (a) => a.justification],
  ['Assessed By', (a) => a.assessedBy],
  ['Assessment Date', (a) => a.assessmentDate],
  ['Benefit-Risk', (a) => a.benefitRisk],
  ['Related Risk IDs', (a) => a.relatedRisks.join(', ')],
  ['Tests Explained', (a) => explained(a)],
  ['Gate', (a) => (a.problems.length === 0 ? 'ok' : a.problems.join('; '))],
  ['Source', (a) => a.source],
];

/** The tests an anomaly explains by name (its sample), then how many more. */
function explained(a: AnomalyRecord): string {
  const named = a.explains.sample.map((t) => `${t.name} (${t.status})`);
  const more = a.explains.count - named.length;
  return more > 0 ? `${named.join('; ')}; and ${more} more (see tests.csv)` : named.join('; ');
}

/** The known anomalies as evaluated, as a Markdown table for the release notes (IEC 62304 §5.8.3). */
export function renderAnomaliesMarkdown(evidence: Evidence): string {
  const residual = evidence.anomalies.filter((a) => a.residual);
  const lines = [
    '# Known residual anomalies',
    '',
    residual.length === 0
      ? 'The release contains no known residual anomaly.'
      : `The release contains ${residual.length} known residual ${residual.length === 1 ? 'anomaly' : 'anomalies'}; each was evaluated before release.`,
    '',
  ];
  if (evidence.anomalies.length > 0) {
    lines.push(`| ${COLUMNS.map(([h]) => h).join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`);
    for (const a of evidence.anomalies) lines.push(`| ${COLUMNS.map(([, cell]) => escapeMarkdown(cell(a))).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same list as CSV. */
export function renderAnomaliesCsv(evidence: Evidence): string {
  const rows = [COLUMNS.map(([h]) => csvField(h)).join(',')];
  for (const a of evidence.anomalies) rows.push(COLUMNS.map(([, cell]) => csvField(cell(a))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
