import type { AnomalyRecord, Evidence, Reason, ReasonCode, RequirementStatus, SoupRecord, TestList, TestStatus } from '../model/index.js';
import { escapeMarkdown, truncate } from './escape.js';
import { EVIDENCE_FILES } from './evidence.js';

/** GitHub drops a step summary above 1 MiB; stay well below it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const SUMMARY_BUDGET_BYTES = 900 * 1024;
/** Tests named per row of a table in the job summary (traceability.md names every test the evidence keeps by name). */
export const TESTS_PER_ROW = 8;
/** Reasons (and warnings) the job summary lists one by one, at least one of each kind; traceability.md lists all. */
export const REASONS_LISTED = 50;
const NAME_LENGTH = 160;
/** Longest part of a release failure quoted under the heading (the release's own section has it whole). */
const RELEASE_FAILURE_LENGTH = 300;
/** Longest reason in the job summary. */
const REASON_LENGTH = 1000;

const STATUS_MARK: Record<RequirementStatus, string> = {
  verified: '✅ verified',
  failed: '❌ failed',
  skipped: '⚠️ skipped',
  uncovered: '❌ uncovered',
};
const TEST_MARK: Record<TestStatus, string> = { passed: '✅', failed: '❌', errored: '💥', skipped: '⏭️' };

/** What each kind of reason is called where the summary counts what it left out. */
const REASON_KIND: Record<ReasonCode, string> = {
  'unreadable-input': 'unreadable inputs',
  'no-tests': 'no test found',
  'report-without-cases': 'reports without test cases',
  anomaly: 'residual anomalies that fail the gate',
  'requirement-failed': 'failed requirements',
  'unexplained-failure': 'unexplained failing tests',
  'unexplained-flaky': 'unexplained flaky tests',
  'requirement-skipped': 'skipped requirements',
  'requirement-uncovered': 'uncovered requirements',
  'unknown-id': 'unknown IDs',
  'untraced-tests': 'untraced tests',
  'soup-undocumented': 'undocumented SOUP',
  'soup-version': 'SOUP version drifts',
  'soup-incomplete': 'incomplete SOUP rows',
  'soup-stale': 'stale SOUP rows',
  'release-no-checkout': 'workspaces that are not a checkout',
  'release-untagged': 'untagged commits',
  'release-tag-mismatch': 'tags that do not name the commit',
  'release-commit-mismatch': 'commits other than the workflow\'s',
  'release-dirty-tree': 'changed working trees',
  'release-input-uncommitted': 'input lists not committed',
  'report-not-fresh': 'reports not from this run',
  'version-mismatch': 'versions that disagree with the tag',
  'release-history': 'problems finding the previous release',
  'change-decision': 'problems of the significant-change decision',
  'release-record': 'unreadable documents of the release record',
  'suspect-requirement': 'suspect requirements',
};

export interface SummaryOptions {
  /**
   * Largest size in bytes; rows are left out (and what was left out said) to stay under it. Infinite
   * for traceability.md, which is the summary uncut: every reason, warning, anomaly, unknown ID and
   * requirement.
   */
  readonly budgetBytes?: number;
  /** Path of traceability.json as shown to the user: the folder it is in holds what a cut leaves out. */
  readonly evidencePath?: string;
  /** The gate passed but the release that follows failed: what failed, said under the heading. */
  readonly releaseFailure?: string;
}

/**
 * The counts in one line, the same in the job summary, traceability.md and the log: requirements
 * (verified, and failed but accepted by an anomaly), tests (a test retried after a failure is one test;
 * its attempts are counted apart when there are more of them than tests) and reports.
 */
export function countsLine(evidence: Evidence, escape: (text: string) => string = (t) => t, n: (count: number) => string = String): { requirements: string; rest: string } {
  const { totals } = evidence;
  const verified = evidence.requirements.filter((r) => r.status === 'verified').length;
  const acceptedBy = new Set<string>();
  let accepted = 0;
  for (const r of evidence.requirements) {
    if (r.acceptedBy === undefined) continue;
    accepted++;
    for (const id of r.acceptedBy) acceptedBy.add(id);
  }
  const ids = [...acceptedBy];
  const named = ids.slice(0, 5).map(escape).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
  const requirements =
    `${n(verified)} of ${n(evidence.requirements.length)} requirements verified (${evidence.coverage} %)` +
    (accepted === 0 ? '' : `, ${n(accepted)} failed but accepted by ${named}`);
  const flaky = evidence.flakyTests.count;
  const attempts = totals.attempts === totals.tests ? '' : ` (from ${n(totals.attempts)} test cases: the attempts of one test count as one)`;
  const rest =
    `${n(totals.tests)} ${totals.tests === 1 ? 'test' : 'tests'}${attempts}: ${n(totals.passed)} passed${flaky === 0 ? '' : ` (${n(flaky)} flaky)`}, ` +
    `${n(totals.failed)} failed, ${n(totals.errored)} errored, ${n(totals.skipped)} skipped · ` +
    `${n(evidence.reports.length)} ${evidence.reports.length === 1 ? 'report' : 'reports'}`;
  return { requirements, rest };
}

/** A line of the summary and how soon it must be kept when the budget is short (lower first). */
interface Row {
  readonly text: string;
  readonly priority: number;
  kept?: boolean;
}

/** Priorities: what may never vanish first, then the gaps, then the rest. */
const ESSENTIAL = 0;
const GAP = 1;
const DETAIL = 2;

/** A section: its heading lines, its rows in display order, and the note saying what was left out. */
interface Section {
  readonly heading: readonly string[];
  readonly rows: Row[];
  readonly note: (left: readonly Row[]) => string | undefined;
}

/**
 * The job summary: verdict first, then counts, the reasons and warnings, the residual anomalies, the
 * unknown IDs and the requirement -> tests matrix. Readable in a minute; every piece of user text
 * escaped. Under its budget, rows are left out by priority (the first reason of each kind and every
 * anomaly that accepts a failure or fails the gate are kept first), and each section says what it
 * left out and which evidence file holds it.
 */
export function renderSummary(evidence: Evidence, options: SummaryOptions = {}): string {
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  const uncut = budget === Number.POSITIVE_INFINITY;
  const files = evidenceFiles(options);
  const perRow = uncut ? Number.POSITIVE_INFINITY : TESTS_PER_ROW;
  const names = escapedNames(evidence);
  const cells = (tests: TestList): string => testList(tests, perRow, files.csv, names);

  const head: string[] = [];
  if (evidence.verdict === 'pass' && options.releaseFailure !== undefined) {
    head.push('## ❌ IEC 62304 release gate passed, but the release failed', '', `**The release is not done:** ${escapeMarkdown(truncate(options.releaseFailure, RELEASE_FAILURE_LENGTH))}`);
  } else {
    head.push(evidence.verdict === 'pass' ? '## ✅ IEC 62304 release gate passed' : '## ❌ IEC 62304 release gate failed');
  }
  const counts = countsLine(evidence, escapeMarkdown);
  head.push('', `**${counts.requirements}** · ${counts.rest}`, '');
  // The job summary shows the statuses at a glance (GitHub renders Mermaid); traceability.md stays a plain record.
  if (!uncut) head.push(...statusChart(evidence));

  const sections: Section[] = [];
  const reasonSection = (title: string, items: readonly Reason[]): void => {
    if (items.length === 0) return;
    const seen = new Set<string>();
    const rows = items.map(({ code, message }, i): Row => {
      const first = !seen.has(code);
      seen.add(code);
      const text = `- ${escapeMarkdown(uncut ? message : truncate(message, REASON_LENGTH))}`;
      // The first of each kind is never left out; past the list's length the rest only count.
      return { text, priority: first ? ESSENTIAL : uncut || i < REASONS_LISTED ? GAP : Number.POSITIVE_INFINITY };
    });
    sections.push({
      heading: [`### ${title} (${items.length})`, ''],
      rows,
      note: (left) => {
        if (left.length === 0) return undefined;
        const kinds = new Map<string, number>();
        rows.forEach((r, i) => {
          if (r.kept === true) return;
          const code = items[i]!.code;
          const kind = REASON_KIND[code] ?? (code || 'other');
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        });
        const by = [...kinds].map(([k, n]) => `${k}: ${n}`).join(', ');
        return `- … and ${left.length} more (${escapeMarkdown(by)}): ${files.markdown} and ${files.json} list them all`;
      },
    });
  };
  reasonSection('Why the gate failed', evidence.reasons);
  reasonSection('Warnings', evidence.warnings);

  if (evidence.anomalies.length > 0) {
    const rows = evidence.anomalies.map((a) => {
      const title = a.title === '' ? '' : ` ${escapeMarkdown(truncate(a.title, NAME_LENGTH))}`;
      const text = `| **${escapeMarkdown(truncate(a.id, NAME_LENGTH))}**${title} | ${a.status}${a.residual ? '' : ' (not residual)'} | ${escapeMarkdown(truncate(a.severity, NAME_LENGTH)) || '—'} | ${assessment(a, uncut)} | ${cells(a.explains)} |`;
      // An anomaly that accepts a failure, or fails the gate, is what a reviewer must see.
      return { text, priority: a.problems.length > 0 || a.explains.count > 0 ? ESSENTIAL : DETAIL };
    });
    sections.push({
      heading: ['### Residual anomalies', '', '| Anomaly | Status | Severity | Assessment | Explains |', '| --- | --- | --- | --- | --- |'],
      rows,
      note: (left) => (left.length === 0 ? undefined : `_${left.length} of ${rows.length} anomalies are left out here (none of them explains a test or fails the gate): ${files.anomalies} and ${files.json} list them all._`),
    });
  }

  if (evidence.unknownIds.length > 0) {
    const rows = evidence.unknownIds.map((u) => ({ text: `| ${escapeMarkdown(truncate(u.id, NAME_LENGTH))} | ${cells(u.tests)} |`, priority: GAP }));
    sections.push({
      heading: ['### IDs named by tests but not in the requirements list', '', '| ID | Tests |', '| --- | --- |'],
      rows,
      note: (left) => (left.length === 0 ? undefined : `_${left.length} of ${rows.length} unknown IDs are left out here: ${files.matrix} and ${files.markdown} list them all._`),
    });
  }

  if (evidence.soup !== undefined) sections.push(soupSection(evidence.soup, files.soup));

  const heads = requirementHeads(evidence);
  const requirementRows = evidence.requirements.map((r, i): Row => ({ text: `${heads[i]!}${cells(r.tests)} |`, priority: r.status === 'verified' ? DETAIL : GAP }));
  sections.push({
    heading: ['### Requirements', '', '| Requirement | Status | Tests |', '| --- | --- | --- |'],
    rows: requirementRows,
    note: (left) => {
      if (left.length === 0) return undefined;
      const by = new Map<string, number>();
      evidence.requirements.forEach((r, i) => {
        if (requirementRows[i]!.kept === true) return;
        const status = r.acceptedBy === undefined ? r.status : 'failed but accepted';
        by.set(status, (by.get(status) ?? 0) + 1);
      });
      return (
        `_${left.length} of ${requirementRows.length} requirements are left out here (${[...by].map(([s, n]) => `${n} ${s}`).join(', ')}) to stay under GitHub's 1 MiB limit of a job summary: ` +
        `${files.markdown} and ${files.matrix} list every requirement._`
      );
    },
  });

  const record = uncut
    ? []
    : [
        '',
        '### Release record',
        '',
        `- Change summary (for the significant-change decision): ${files.changeSummary}`,
        `- Release notes: ${files.releaseNotes}`,
        `- Release checklist (IEC 62304 §5.8): ${files.releaseChecklist}`,
      ];
  const footer = [...record, '', `<sub>Requirements: ${escapeMarkdown(evidence.provenance.requirementsFile)} · pattern \`${evidence.provenance.requirementPattern.replace(/`/g, "'")}\`</sub>`];

  if (uncut) {
    // No budget: every row is kept, with no need to weigh them.
    for (const s of sections) for (const r of s.rows) r.kept = true;
  } else {
    keepWithin(budget, [...head, ...sections.flatMap((s) => [...s.heading, '']), ...footer], sections);
  }

  const lines = [...head];
  for (const s of sections) {
    const kept = s.rows.filter((r) => r.kept === true);
    const note = s.note(s.rows.filter((r) => r.kept !== true));
    const table = s.heading.length > 2;
    lines.push(...s.heading.slice(0, 2));
    // A table whose rows are all left out shows no header: the note alone says so.
    if (table && (kept.length > 0 || s.rows.length === 0)) lines.push(...s.heading.slice(2));
    for (const r of kept) lines.push(r.text);
    if (note !== undefined) lines.push(...(table && kept.length > 0 ? ['', note] : [note]));
    lines.push('');
  }
  lines.pop();
  lines.push(...footer);
  return `${lines.join('\n')}\n`;
}

/**
 * The start of each requirement's row (ID, title, status), the same in the job summary and in
 * traceability.md: made once for the evidence of a run, which renders both.
 */
const requirementHeadsOf = new WeakMap<Evidence, readonly string[]>();

function requirementHeads(evidence: Evidence): readonly string[] {
  let heads = requirementHeadsOf.get(evidence);
  if (heads === undefined) {
    heads = evidence.requirements.map((r) => {
      const title = r.title === '' ? '' : ` ${escapeMarkdown(truncate(r.title, NAME_LENGTH))}`;
      const status = r.acceptedBy === undefined ? STATUS_MARK[r.status] : `⚠️ failed, accepted by ${r.acceptedBy.map(escapeMarkdown).join(', ')}`;
      return `| **${escapeMarkdown(r.id)}**${title} | ${status} | `;
    });
    requirementHeadsOf.set(evidence, heads);
  }
  return heads;
}

/** Kept free for the notes that say what was left out. */
const NOTES_RESERVE = 8192;

/** Marks the rows kept: by priority, then in order, as long as they fit in the budget beside the fixed lines. */
function keepWithin(budget: number, fixed: readonly string[], sections: readonly Section[]): void {
  let left = budget - NOTES_RESERVE - fixed.reduce((sum, l) => sum + bytes(l), 0);
  const rows = sections.flatMap((s) => s.rows).filter((r) => r.priority !== Number.POSITIVE_INFINITY);
  const byPriority = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.priority - b.r.priority || a.i - b.i);
  for (const { r } of byPriority) {
    const size = bytes(r.text);
    if (size > left) continue;
    r.kept = true;
    left -= size;
  }
}

function bytes(line: string): number {
  return Buffer.byteLength(line, 'utf8') + 1;
}

/** The names of the evidence files, in the folder of traceability.json when it is known. */
function evidenceFiles(options: SummaryOptions): Record<'markdown' | 'json' | 'matrix' | 'csv' | 'anomalies' | 'soup' | 'changeSummary' | 'releaseNotes' | 'releaseChecklist', string> {
  const json = options.evidencePath;
  const slash = json === undefined ? -1 : Math.max(json.lastIndexOf('/'), json.lastIndexOf('\\'));
  const dir = json === undefined || slash === -1 ? '' : truncate(json.slice(0, slash), NAME_LENGTH);
  const name = (file: string): string => (dir === '' ? file : `${dir}/${file}`).replace(/`/g, "'");
  const code = (file: string): string => `\`${name(file)}\``;
  return {
    markdown: code(EVIDENCE_FILES.markdown),
    json: code(EVIDENCE_FILES.json),
    matrix: code(EVIDENCE_FILES.csv),
    csv: EVIDENCE_FILES.csv,
    anomalies: code(EVIDENCE_FILES.anomaliesMarkdown),
    soup: code(EVIDENCE_FILES.soupMarkdown),
    changeSummary: code(EVIDENCE_FILES.changeSummary),
    releaseNotes: code(EVIDENCE_FILES.releaseNotes),
    releaseChecklist: code(EVIDENCE_FILES.releaseChecklist),
  };
}

/** A Mermaid pie chart of the requirement statuses (a failure accepted by an anomaly apart), ahead of the tables. */
function statusChart(evidence: Evidence): string[] {
  const counts = new Map<string, number>();
  for (const r of evidence.requirements) {
    const label = r.acceptedBy === undefined ? r.status : 'failed, accepted';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const order = ['verified', 'failed, accepted', 'failed', 'skipped', 'uncovered'];
  const slices = order.filter((l) => counts.has(l)).map((l) => `    "${l}" : ${counts.get(l)}`);
  return ['```mermaid', 'pie showData', `    title Requirements (${evidence.requirements.length})`, ...slices, '```', ''];
}

/** The tests of a set the evidence names (those that did not simply pass first), then how many more and where they are. */
function testList(tests: TestList, limit: number, matrixFile: string, names: EscapedNames): string {
  if (tests.count === 0) return '—';
  const shown = tests.sample.slice(0, limit).map((t) => `${TEST_MARK[t.status]} ${names.of(t.name)}`);
  const more = tests.count - shown.length;
  return more > 0 ? `${shown.join('<br>')}<br>… and ${more} more (numbered in ${matrixFile})` : shown.join('<br>');
}

/**
 * Test names as a cell shows them, escaped once however many lists name the test, in both renderings
 * of the same evidence.
 */
class EscapedNames {
  private readonly escaped = new Map<string, string>();

  of(name: string): string {
    let cell = this.escaped.get(name);
    if (cell === undefined) {
      cell = escapeMarkdown(truncate(name, NAME_LENGTH));
      this.escaped.set(name, cell);
    }
    return cell;
  }
}

const escapedNamesOf = new WeakMap<Evidence, EscapedNames>();

function escapedNames(evidence: Evidence): EscapedNames {
  let names = escapedNamesOf.get(evidence);
  if (names === undefined) {
    names = new EscapedNames();
    escapedNamesOf.set(evidence, names);
  }
  return names;
}

/** What the assessment of an anomaly says, and what it lacks. */
function assessment(a: AnomalyRecord, uncut: boolean): string {
  if (!a.residual) return 'not required (closed)';
  const by = a.assessedBy === '' ? '' : ` by ${escapeMarkdown(truncate(a.assessedBy, NAME_LENGTH))}${a.assessmentDate === '' ? '' : ` on ${escapeMarkdown(truncate(a.assessmentDate, NAME_LENGTH))}`}`;
  if (a.problems.length === 0) return `✅ acceptable${by}`;
  return `❌ ${a.problems.map((p) => escapeMarkdown(uncut ? p : truncate(p, REASON_LENGTH))).join('; ')}`;
}

/** The SOUP section: how many components are documented, each one with a gap first, the stale rows counted. */
function soupSection(soup: SoupRecord, file: string): Section {
  const shipped = soup.components.filter((c) => c.notShipped === undefined).length;
  const gaps = soup.components.filter((c) => c.missing.length > 0);
  const rows = soup.components.map((c): Row => {
    const status = c.missing.length > 0 ? `❌ lacks ${c.missing.map((m) => escapeMarkdown(truncate(m, NAME_LENGTH))).join(', ')}` : c.notShipped === undefined ? '✅ documented' : `— not shipped (${escapeMarkdown(truncate(c.notShipped, NAME_LENGTH))})`;
    const row = c.row === undefined ? '—' : `line ${c.row}`;
    return { text: `| ${escapeMarkdown(truncate(c.name, NAME_LENGTH))} | ${escapeMarkdown(truncate(c.version, NAME_LENGTH))} | ${row} | ${status} |`, priority: c.missing.length > 0 ? GAP : DETAIL };
  });
  const stale = soup.staleRows.length === 0 ? '' : ` · ${soup.staleRows.length} stale ${soup.staleRows.length === 1 ? 'row' : 'rows'}`;
  return {
    heading: [
      `### SOUP: ${shipped - gaps.filter((c) => c.notShipped === undefined).length} of ${shipped} shipped components documented${stale}`,
      '',
      '| Component | Version | SOUP row | Status |',
      '| --- | --- | --- | --- |',
    ],
    rows,
    note: (left) => (left.length === 0 ? undefined : `_${left.length} of ${rows.length} components are left out here: ${file} lists them all._`),
  };
}
