/**
 * release-notes.md: this version's section of the changelog (else the commit subjects since the
 * previous release), then the known residual anomalies with their evaluation (IEC 62304 §5.8.2,
 * §5.8.3). Pure. The changelog section is the team's own Markdown and is quoted as written.
 */
import type { Anomaly, AnomalyRecord, Evidence, ReleaseRecord } from '../model/index.js';
import type { RecordHeading } from './change-summary.js';
import { escapeMarkdownInline as escapeMarkdown } from './escape.js';

export interface ReleaseNotesInput {
  readonly record: ReleaseRecord;
  readonly evidence: Evidence;
  /** The anomalies as the lists give them, for the fields the evidence does not keep (description, impact). */
  readonly anomalies: readonly Anomaly[];
}

export function renderReleaseNotes(input: ReleaseNotesInput, heading: RecordHeading = {}): string {
  const { record, evidence } = input;
  const title = [heading.repository, record.version].filter((p) => p !== undefined).map((p) => escapeMarkdown(p)).join(' ');
  const out: string[] = [`# Release notes${title === '' ? '' : `: ${title}`}`, ''];
  out.push('## Changes', '');
  if (record.changelogSection !== undefined) {
    out.push(`From ${escapeMarkdown(record.changelogSection.file)}:`, '', demote(record.changelogSection.text), '');
  } else {
    const history = record.history;
    const why = record.version === undefined ? 'HEAD has no version tag' : 'no changelog section for this version';
    if (history === undefined) out.push(`No changelog section and no Git history (${escapeMarkdown(record.historyProblem ?? 'unknown')}).`, '');
    else {
      out.push(`The commit subjects ${history.previous === undefined ? 'of this first release' : `since ${escapeMarkdown(history.previous.tag)}`} (${why}):`, '');
      if (history.commits.length === 0) out.push('- none');
      for (const c of history.commits) out.push(`- ${escapeMarkdown(c.subject)} (${c.sha.slice(0, 12)})`);
      if (history.moreCommits > 0) out.push(`- … and ${history.moreCommits} older commits`);
      out.push('');
    }
  }

  const residual = evidence.anomalies.filter((a) => a.residual);
  out.push(`## Known residual anomalies (${residual.length})`, '');
  out.push(residual.length === 0 ? 'The release contains no known residual anomaly.' : 'Each was evaluated before release (IEC 62304 §5.8.3); the full list is in anomalies.md.', '');
  const byId = new Map(input.anomalies.map((a) => [a.id, a]));
  for (const a of residual) out.push(...anomalyBlock(a, byId.get(a.id)), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** One residual anomaly: the fields a premarket submission lists for an unresolved anomaly, those the list has. */
function anomalyBlock(a: AnomalyRecord, listed: Anomaly | undefined): string[] {
  const rows: [string, string][] = [
    ['Status', a.status],
    ['Severity', a.severity || '(none)'],
    ['Justification', a.justification || '(none)'],
    ['Acceptable', a.acceptable ? 'yes' : 'no'],
    ['Assessed by', a.assessedBy || '(none)'],
    ['Assessment date', a.assessmentDate || '(none)'],
  ];
  if (listed?.description) rows.push(['Description', listed.description]);
  if (listed?.discovered) rows.push(['How discovered', listed.discovered]);
  if (listed?.rootCause) rows.push(['Root cause', listed.rootCause]);
  if (listed?.impact) rows.push(['Impact on safety and effectiveness', listed.impact]);
  if (listed?.mitigation) rows.push(['Mitigation or workaround', listed.mitigation]);
  if (a.benefitRisk) rows.push(['Benefit-risk analysis', a.benefitRisk]);
  if (a.relatedRisks.length > 0) rows.push(['Related risks', a.relatedRisks.join(', ')]);
  if (a.problems.length > 0) rows.push(['Gate', a.problems.join('; ')]);
  return [`### ${escapeMarkdown(a.id)}: ${escapeMarkdown(a.title)}`, '', '| Field | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${escapeMarkdown(v)} |`)];
}

/** The changelog's headings one level under this file's sections, so its `## [1.4.0]` does not stand beside `## Changes`. */
function demote(markdown: string): string {
  let fence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      return !fence && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    })
    .join('\n');
}
