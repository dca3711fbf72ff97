import type { RequirementStatus, TestStatus } from '../model.js';
import { escapeMarkdown, truncate } from './escape.js';
import type { AnomalyRecord, Evidence, TestList } from './evidence.js';

/** GitHub drops a step summary above 1 MiB; stay well below it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const SUMMARY_BUDGET_BYTES = 900 * 1024;
/** Tests named per requirement row of the matrix. */
export const TESTS_PER_ROW = 8;
/** Reasons listed one by one before the rest are counted. */
export const REASONS_LISTED = 50;
const NAME_LENGTH = 160;

const STATUS_MARK: Record<RequirementStatus, string> = {
  verified: '✅ verified',
  failed: '❌ failed',
  skipped: '⚠️ skipped',
  uncovered: '❌ uncovered',
};
const TEST_MARK: Record<TestStatus, string> = { passed: '✅', failed: '❌', errored: '💥', skipped: '⏭️' };

export interface SummaryOptions {
  /** Largest size in bytes; sections are cut (and the cut said) to stay under it. */
  readonly budgetBytes?: number;
  /** Where the full evidence is, to point to from a cut. */
  readonly evidencePath?: string;
}

/**
 * The job summary: verdict first, then counts, then the gaps, then the requirement -> tests matrix.
 * Readable in a minute; every piece of user text escaped.
 */
export function renderSummary(evidence: Evidence, options: SummaryOptions = {}): string {
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  const out = new BoundedText(budget);
  const { totals } = evidence;
  const verified = evidence.requirements.filter((r) => r.status === 'verified').length;

  out.line(evidence.verdict === 'pass' ? '## ✅ IEC 62304 release gate passed' : '## ❌ IEC 62304 release gate failed');
  out.line('');
  out.line(
    `**${verified} of ${evidence.requirements.length} requirements verified (${evidence.coverage} %)** · ` +
      `${totals.tests} tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.errored} errored, ${totals.skipped} skipped · ` +
      `${evidence.reports.length} ${evidence.reports.length === 1 ? 'report' : 'reports'}`,
  );
  out.line('');

  const gaps = [
    ['Why the gate failed', evidence.reasons],
    ['Warnings', evidence.warnings],
  ] as const;
  for (const [heading, items] of gaps) {
    if (items.length === 0) continue;
    out.line(`### ${heading} (${items.length})`);
    out.line('');
    const listed = items.slice(0, REASONS_LISTED);
    let written = 0;
    for (const item of listed) {
      if (!out.line(`- ${escapeMarkdown(truncate(item, 1000))}`)) break;
      written++;
    }
    if (items.length > written) out.force(`- … and ${items.length - written} more: see the evidence file${where(options)}`);
    out.line('');
  }

  out.line('### Requirements');
  out.line('');
  out.line('| Requirement | Status | Tests |');
  out.line('| --- | --- | --- |');
  let rows = 0;
  for (const r of evidence.requirements) {
    const title = r.title === '' ? '' : ` ${escapeMarkdown(truncate(r.title, NAME_LENGTH))}`;
    const status = r.acceptedBy === undefined ? STATUS_MARK[r.status] : `⚠️ failed, accepted by ${r.acceptedBy.map(escapeMarkdown).join(', ')}`;
    if (!out.line(`| **${escapeMarkdown(r.id)}**${title} | ${status} | ${testList(r.tests)} |`)) break;
    rows++;
  }
  if (rows < evidence.requirements.length) {
    out.force('');
    out.force(
      `_${evidence.requirements.length - rows} more requirements were cut from this summary to stay under GitHub's 1 MiB limit; ` +
        `the evidence file${where(options)} has them all._`,
    );
  }
  if (evidence.anomalies.length > 0 && out.line('')) {
    out.line('### Residual anomalies');
    out.line('');
    out.line('| Anomaly | Status | Severity | Assessment | Explains |');
    out.line('| --- | --- | --- | --- | --- |');
    for (const a of evidence.anomalies) {
      const title = a.title === '' ? '' : ` ${escapeMarkdown(truncate(a.title, NAME_LENGTH))}`;
      const row = `| **${escapeMarkdown(a.id)}**${title} | ${a.status}${a.residual ? '' : ' (not residual)'} | ${escapeMarkdown(a.severity) || '—'} | ${assessment(a)} | ${testList(a.explains)} |`;
      if (!out.line(row)) break;
    }
  }
  if (evidence.unknownIds.length > 0 && out.line('')) {
    out.line('### IDs named by tests but not in the requirements list');
    out.line('');
    out.line('| ID | Tests |');
    out.line('| --- | --- |');
    for (const u of evidence.unknownIds) if (!out.line(`| ${escapeMarkdown(u.id)} | ${testList(u.tests)} |`)) break;
  }
  out.line('');
  out.line(`<sub>Requirements: ${escapeMarkdown(evidence.provenance.requirementsFile)} · pattern \`${evidence.provenance.requirementPattern.replace(/`/g, "'")}\`</sub>`);
  return out.toString();
}

/** The first tests of a set (those that did not simply pass first), then how many more. */
function testList(tests: TestList): string {
  if (tests.count === 0) return '—';
  const shown = tests.sample.slice(0, TESTS_PER_ROW).map((t) => `${TEST_MARK[t.status]} ${escapeMarkdown(truncate(t.name, NAME_LENGTH))}`);
  const more = tests.count - shown.length;
  return more > 0 ? `${shown.join('<br>')}<br>… and ${more} more` : shown.join('<br>');
}

/** What the assessment of an anomaly says, and what it lacks. */
function assessment(a: AnomalyRecord): string {
  if (!a.residual) return 'not required (closed)';
  const by = a.assessedBy === '' ? '' : ` by ${escapeMarkdown(truncate(a.assessedBy, NAME_LENGTH))}${a.assessmentDate === '' ? '' : ` on ${escapeMarkdown(a.assessmentDate)}`}`;
  if (a.problems.length === 0) return `✅ acceptable${by}`;
  return `❌ ${a.problems.map((p) => escapeMarkdown(p)).join('; ')}`;
}

function where(options: SummaryOptions): string {
  return options.evidencePath === undefined ? '' : ` (${escapeMarkdown(options.evidencePath)})`;
}

/** Lines that stop being added once a byte budget is reached; a few closing lines are always kept. */
class BoundedText {
  private readonly lines: string[] = [];
  private bytes = 0;
  private full = false;
  /** Kept free for the lines that say what was cut. */
  private static readonly RESERVE = 4096;

  constructor(private readonly budget: number) {}

  /** Adds a line unless the budget is spent; says whether it was added. */
  line(text: string): boolean {
    const size = Buffer.byteLength(text, 'utf8') + 1;
    if (this.full || this.bytes + size > this.budget - BoundedText.RESERVE) {
      this.full = true;
      return false;
    }
    this.lines.push(text);
    this.bytes += size;
    return true;
  }

  /** Adds a line from the reserve (for notices about what was cut). */
  force(text: string): void {
    this.lines.push(text);
    this.bytes += Buffer.byteLength(text, 'utf8') + 1;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
