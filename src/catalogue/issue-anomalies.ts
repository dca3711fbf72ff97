import { UserError, UserErrors } from '../errors.js';
import type { AcceptableAnswer, Anomaly, AnomalyList, AnomalyStatus } from '../model/index.js';
import { acceptableOf, ANOMALY_COLUMN_ALIASES, anomalyStatusOf, describedFields, splitTests } from './read-anomalies.js';
import { normaliseColumnName } from './read-table.js';

/** The fields of a GitHub issue that are read (REST `GET /repos/{owner}/{repo}/issues`). */
export interface IssueData {
  readonly number: number;
  readonly title: string;
  readonly body?: string | null;
  readonly state: string;
  readonly state_reason?: string | null;
  readonly labels: readonly (string | { readonly name?: string | null })[];
  readonly html_url?: string;
  readonly pull_request?: unknown;
}

type Field = keyof typeof ANOMALY_COLUMN_ALIASES;

const FIELD_OF = new Map<string, Field>(
  (Object.entries(ANOMALY_COLUMN_ALIASES) as [Field, readonly string[]][]).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((name): [string, Field] => [normaliseColumnName(name), canonical]),
  ),
);

/** What an issue form writes for an optional field left empty. */
const NO_RESPONSE = /^_No response_$/i;

/**
 * Anomalies recorded as GitHub issues. The assessment lives in the issue body as the sections an issue
 * form writes (`### Severity`, `### Justification`, `### Acceptable`, `### Assessed by`,
 * `### Assessment date`, `### Benefit-risk`, `### Tests`, ...: the column names and aliases of the
 * anomaly list), or in labels: `severity: high` (also `severity/high`, `severity-high`),
 * `risk-acceptable` / `risk-not-acceptable`, `deferred` / `wontfix`, `accepted`.
 * Status: an open issue is residual whatever its labels say (`fixed` or `verified` on an open issue is
 * a claim, not a fact): open, or deferred or accepted when its Status section or labels say so. An
 * issue closed as not planned is deferred (the anomaly stays in the product); one closed otherwise is
 * fixed, unless its Status section or labels say deferred or accepted.
 * An issue without an Acceptable answer is not fully assessed. Text a reader of the issue never sees
 * (HTML comments, as issue forms leave them) and text in code fences are not read as answers.
 */
export function anomaliesFromIssues(label: string, issues: readonly IssueData[]): AnomalyList {
  const errors: UserError[] = [];
  const anomalies: Anomaly[] = [];
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const where = `issue #${issue.number}`;
    const fields = sectionsOf(issue.body ?? '');
    const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).map((l) => l.trim().toLowerCase());
    const text = (f: Field): string => (fields.get(f) ?? '').replace(/\s+/g, ' ').trim();

    // Only a residual status is taken from the section or the labels: none of them can close an issue.
    const sectionStatus = fields.has('status') ? anomalyStatusOf(text('status')) : 'open';
    if (sectionStatus === undefined) errors.push(new UserError(`${where}: unknown status "${text('status')}" in its Status section`));
    const claimed = [sectionStatus, ...labels.map((l) => anomalyStatusOf(l))];
    const residualClaim = claimed.find((s): s is AnomalyStatus => s === 'deferred' || s === 'accepted');
    let status: AnomalyStatus;
    if (issue.state === 'closed') status = issue.state_reason === 'not_planned' ? 'deferred' : (residualClaim ?? 'fixed');
    else status = residualClaim ?? 'open';

    let acceptable: AcceptableAnswer | undefined = fields.has('acceptable') ? acceptableOf(text('acceptable')) : 'unanswered';
    if (acceptable === undefined) errors.push(new UserError(`${where}: its Acceptable section says "${text('acceptable')}"; write yes or no`));
    else {
      // A label that says not acceptable outweighs any yes; one that says acceptable only fills a gap.
      if (labels.includes('risk-not-acceptable') || labels.includes('risk: not acceptable')) acceptable = 'no';
      else if (acceptable === 'unanswered' && (labels.includes('risk-acceptable') || labels.includes('risk: acceptable'))) acceptable = 'yes';
    }
    if (sectionStatus === undefined || acceptable === undefined) continue;

    // Every severity label counts (`severity: low` beside `severity: high` is high): the gate classifies them together.
    const severityLabels = [...new Set(labels.map((l) => /^severity\s*[:/-]\s*(.+)$/.exec(l)?.[1]?.trim()).filter((s): s is string => s !== undefined && s !== ''))];
    const severity = text('severity') || severityLabels.join(', ');
    anomalies.push({
      id: `#${issue.number}`,
      title: issue.title.trim(),
      status,
      severity: severity.replace(/^\w/, (c) => c.toUpperCase()),
      tests: splitTests(fields.get('tests') ?? '').map(stripListMarker),
      acceptable,
      ...describedFields((f) => fields.get(f) ?? ''),
      source: issue.html_url ?? where,
    });
  }
  if (errors.length > 0) throw new UserErrors(errors);
  return { file: `issues labelled "${label}"`, anomalies, hasAcceptableColumn: true };
}

/** `### Heading` sections of an issue body (as issue forms write them), by the field they name. */
function sectionsOf(body: string): Map<Field, string> {
  const fields = new Map<Field, string>();
  const parts = shownText(body.replace(/\r\n?/g, '\n')).split(/^#{2,4}[ \t]+(.+?)[ \t]*#*[ \t]*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const field = FIELD_OF.get(normaliseColumnName(parts[i]!.replace(/[*_:?]+$/g, '')));
    if (field === undefined || fields.has(field)) continue;
    const value = parts[i + 1]!.trim();
    fields.set(field, NO_RESPONSE.test(value) ? '' : value);
  }
  return fields;
}

/** A line that opens or closes a code fence: up to three spaces, then three or more ` or ~. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The body without what is not an answer: HTML comments (GitHub does not show them; an issue form
 * leaves its hints in them, `<!-- Low, Medium or High -->`; one never closed hides the rest) and code
 * fences with their content (an example or a template, shown as code; one never closed runs to the
 * end). Headings inside either are not sections. Lines are kept as blank lines.
 */
export function shownText(body: string): string {
  const out: string[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  let inComment = false;
  for (const line of body.split('\n')) {
    if (fence !== undefined) {
      const close = FENCE.exec(line);
      if (close !== null && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') fence = undefined;
      out.push('');
      continue;
    }
    let rest = line;
    let shown = '';
    if (inComment) {
      const end = rest.indexOf('-->');
      if (end === -1) {
        out.push('');
        continue;
      }
      inComment = false;
      rest = rest.slice(end + 3);
    } else {
      const open = FENCE.exec(line);
      // A backtick fence's info string holds no backtick; otherwise the line is inline code.
      if (open !== null && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
        out.push('');
        continue;
      }
    }
    for (;;) {
      const start = rest.indexOf('<!--');
      if (start === -1) {
        shown += rest;
        break;
      }
      shown += rest.slice(0, start);
      const end = rest.indexOf('-->', start + 4);
      if (end === -1) {
        inComment = true;
        break;
      }
      shown += ' ';
      rest = rest.slice(end + 3);
    }
    out.push(shown);
  }
  return out.join('\n');
}

/** Issue-form lists are often written as Markdown bullets; the marker is not part of a test name. */
function stripListMarker(item: string): string {
  return item.replace(/^(?:[-*+]|\d+\.)\s+/, '').replace(/^`(.*)`$/, '$1');
}
