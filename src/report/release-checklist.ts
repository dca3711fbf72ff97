/**
 * release-checklist.md: one row for each activity of IEC 62304 §5.8.1 to §5.8.8, the SOUP row
 * (§8.1.2) and the significant-change decision: what the gate checked, the result, and the evidence
 * file that shows it. What the gate cannot check says so plainly, never "done". Pure.
 */
import type { Evidence, ReasonCode, ReleaseRecord } from '../model/index.js';
import type { RecordHeading } from './change-summary.js';
import { decisionBlock } from './change-summary.js';
import { escapeMarkdownInline as escapeMarkdown } from './escape.js';
import { EVIDENCE_FILES } from './evidence.js';

/** One row of the checklist. */
export interface ChecklistRow {
  readonly clause: string;
  readonly activity: string;
  readonly checked: string;
  readonly result: ChecklistResult;
  readonly evidence: string;
}

export type ChecklistResult = 'passed' | 'failed' | 'warning' | 'not checked' | 'after the gate';

const RESULT_MARK: Record<ChecklistResult, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  warning: '⚠️ warning',
  'not checked': '➖ not checked by the gate',
  'after the gate': '⏳ done after the gate passes',
};

/** The trace's reason codes: §5.8.1 fails on any of them. */
const TRACE_CODES: readonly ReasonCode[] = ['unreadable-input', 'no-tests', 'report-without-cases', 'requirement-failed', 'unexplained-failure', 'unexplained-flaky', 'requirement-skipped', 'requirement-uncovered', 'unknown-id', 'untraced-tests'];

/** GitHub keeps a workflow artifact at most this many days (private repositories; 90 for public ones). */
const ARTIFACT_DAYS = 400;

/** The rows, for the Markdown file and the HTML report alike. */
export function checklistRows(record: ReleaseRecord, evidence: Evidence): ChecklistRow[] {
  const reasons = new Set(evidence.reasons.map((r) => r.code));
  const warnings = new Set(evidence.warnings.map((r) => r.code));
  const result = (codes: readonly ReasonCode[]): ChecklistResult => (codes.some((c) => reasons.has(c)) ? 'failed' : codes.some((c) => warnings.has(c)) ? 'warning' : 'passed');
  const verified = evidence.requirements.filter((r) => r.status === 'verified').length;
  const residual = evidence.anomalies.filter((a) => a.residual);
  const passed = evidence.verdict === 'pass';
  const tag = record.history?.headTag;
  const head = record.history?.head ?? evidence.provenance.commit;
  const decision = record.decision;
  return [
    {
      clause: '5.8.1',
      activity: 'Ensure software verification is complete',
      checked: `Every requirement traced to the tests of the reports given, and each verified: ${verified} of ${evidence.requirements.length} verified (${evidence.coverage} %), ${evidence.totals.tests} ${evidence.totals.tests === 1 ? 'test' : 'tests'} in ${evidence.reports.length} ${evidence.reports.length === 1 ? 'report' : 'reports'}.${head === undefined ? '' : ` Commit ${head}.`} That the reports come from this commit's build is the workflow's to ensure.`,
      result: result(TRACE_CODES),
      evidence: `${EVIDENCE_FILES.json}, ${EVIDENCE_FILES.markdown}, ${EVIDENCE_FILES.csv}`,
    },
    {
      clause: '5.8.2',
      activity: 'Document known residual anomalies',
      checked: evidence.anomalies.length === 0 && !reasons.has('anomaly') ? 'No anomaly list was given (inputs `anomalies`, `anomaly-label`): the gate cannot tell whether anomalies are known.' : `${residual.length} known residual ${residual.length === 1 ? 'anomaly' : 'anomalies'} listed, from ${[...new Set(evidence.anomalies.map((a) => a.source))].join(', ')}.`,
      result: evidence.anomalies.length === 0 && !reasons.has('anomaly') ? 'not checked' : 'passed',
      evidence: `${EVIDENCE_FILES.anomaliesMarkdown}, ${EVIDENCE_FILES.releaseNotes}`,
    },
    {
      clause: '5.8.3',
      activity: 'Evaluate known residual anomalies',
      checked: 'Each residual anomaly has a severity, justification, assessor and a date not in the future, and is acceptable (a High one with a benefit-risk reference); only such an anomaly may explain a failing test.',
      result: evidence.anomalies.length === 0 && !reasons.has('anomaly') ? 'not checked' : result(['anomaly']),
      evidence: EVIDENCE_FILES.anomaliesMarkdown,
    },
    {
      clause: '5.8.4',
      activity: 'Document released versions',
      checked: tag === undefined ? 'HEAD has no version tag: the version is not identified by a tag.' : `HEAD is tagged ${tag}; the archive records the version and commit.`,
      result: tag === undefined ? 'warning' : 'passed',
      evidence: 'the Git tag; BUILD.md and build.json in the release archive',
    },
    {
      clause: '5.8.5',
      activity: 'Document how the released software was created',
      checked: 'The archive records the commit, the workflow run, the runner and the tool versions. That the build followed the documented procedure is not checked by the gate.',
      result: passed ? 'after the gate' : 'not checked',
      evidence: 'BUILD.md and build.json in the release archive',
    },
    {
      clause: '5.8.6',
      activity: 'Ensure activities and tasks are complete',
      checked: 'Not checked by the gate: that the other activities and tasks of the development plan are complete (reviews, risk management, documentation) is for the team to confirm and sign.',
      result: 'not checked',
      evidence: '(the team’s own records)',
    },
    {
      clause: '5.8.7',
      activity: 'Archive software',
      checked: `The commit's source, the test reports, the lists and this evidence are archived in one .tar.gz (its name and SHA-256 in the outputs \`archive-path\` and \`archive-sha256\` and in the job summary). A workflow artifact is kept ${ARTIFACT_DAYS} days at most: copy the archive to storage kept as long as the device's documentation must be.`,
      result: passed ? 'after the gate' : 'not checked',
      evidence: 'the release archive (outputs `archive-path`, `archive-sha256`)',
    },
    {
      clause: '5.8.8',
      activity: 'Assure reliable delivery of released software',
      checked: 'MANIFEST.sha256 in the archive lists the SHA-256 of every file; verify with `sha256sum -c MANIFEST.sha256` in the unpacked archive, and the archive against `archive-sha256`. Delivery to users is not checked by the gate.',
      result: passed ? 'after the gate' : 'not checked',
      evidence: 'MANIFEST.sha256 in the release archive',
    },
    soupRow(record, evidence),
    {
      clause: 'MDCG 2020-3',
      activity: 'Decide whether the release is a significant change',
      checked:
        decision.state === 'not-configured'
          ? 'No decision given (input `change-decision`): undecided.'
          : decision.state === 'invalid'
            ? `The decision ${decision.file} is incomplete.`
            : `${decision.decision.file}: ${decision.decision.significant ? `significant; notified body approval ${decision.decision.approval ?? ''}` : 'not significant'}, decided by ${decision.decision.decidedBy} on ${decision.decision.date}.`,
      result: decision.state === 'not-configured' ? 'warning' : decision.state === 'invalid' ? 'failed' : 'passed',
      evidence: EVIDENCE_FILES.changeSummary,
    },
  ];
}

export function renderReleaseChecklist(record: ReleaseRecord, evidence: Evidence, heading: RecordHeading = {}): string {
  const title = [heading.repository, record.version].filter((p) => p !== undefined).map((p) => escapeMarkdown(p)).join(' ');
  const out: string[] = [`# Release checklist (IEC 62304 §5.8)${title === '' ? '' : `: ${title}`}`, ''];
  out.push(`Gate verdict: **${evidence.verdict === 'pass' ? 'passed' : 'failed'}**. Each row says what the gate checked; a row it cannot check says so and is for the team to complete.`, '');
  out.push('| Clause | Activity | What the gate checked | Result | Evidence |', '| --- | --- | --- | --- | --- |');
  for (const r of checklistRows(record, evidence)) {
    out.push(`| ${r.clause} | ${escapeMarkdown(r.activity)} | ${code(r.checked)} | ${RESULT_MARK[r.result]} | ${code(r.evidence)} |`);
  }
  out.push('', '## Significant-change decision', '', ...decisionBlock(record.decision), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Escapes a cell but keeps the `code` spans the checklist writes itself. */
function code(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ') : escapeMarkdown(part)))
    .join('');
}

/** The result as the HTML report shows it. */
export function checklistResultText(result: ChecklistResult): string {
  return RESULT_MARK[result];
}

/** §8.1.2: every shipped component of the SBOMs documented at its version, and the SOUP's changes. */
function soupRow(record: ReleaseRecord, evidence: Evidence): ChecklistRow {
  const soup = evidence.soup;
  if (soup === undefined) {
    return { clause: '8.1.2', activity: 'Identify SOUP (and its changes since the previous release)', checked: 'SOUP not checked: no SOUP input (`soup-list`, `sbom`).', result: 'not checked', evidence: '(no SOUP input)' };
  }
  const shipped = soup.components.filter((c) => c.notShipped === undefined);
  const undocumented = shipped.filter((c) => c.missing.length > 0).length;
  const majors = record.soupChanges ?? [];
  return {
    clause: '8.1.2',
    activity: 'Identify SOUP (and its changes since the previous release)',
    checked:
      `${shipped.length} shipped ${shipped.length === 1 ? 'component' : 'components'} of ${soup.sboms.length} ${soup.sboms.length === 1 ? 'SBOM' : 'SBOMs'} against ${soup.list}: ` +
      `${undocumented === 0 ? 'each documented at its version' : `${undocumented} not documented as the SBOM ships ${undocumented === 1 ? 'it' : 'them'}`}; ` +
      `${majors.length} major SOUP ${majors.length === 1 ? 'upgrade' : 'upgrades'} since the previous release.`,
    result: undocumented === 0 ? 'passed' : soup.policy === 'warn' ? 'warning' : 'failed',
    evidence: `${EVIDENCE_FILES.soupMarkdown}, ${EVIDENCE_FILES.changeSummary}`,
  };
}
