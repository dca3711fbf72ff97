import { UserError, UserErrors } from '../errors.js';
import type { AcceptableAnswer, Anomaly, AnomalyList, AnomalyStatus } from '../model/index.js';
import { acceptableOf, ANOMALY_COLUMN_ALIASES, anomalyStatusOf, describedFields, splitTests, SUSPECT_COLUMNS } from './read-anomalies.js';
import { looseColumnName } from './read-table.js';

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

/** Heading names, in their loose spelling (`Acceptable (Y/N)` is `acceptable y n`), by field. */
const FIELD_OF = new Map<string, Field>(
  (Object.entries(ANOMALY_COLUMN_ALIASES) as [Field, readonly string[]][]).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((name): [string, Field] => [looseColumnName(name), canonical]),
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
    const { fields, conflicts, suspects } = sectionsOf(issue.body ?? '');
    for (const { heading, column } of suspects) {
      errors.push(new UserError(`${where}: its section "### ${heading}" looks like the ${column} field but is not a heading the reader knows; name it "${column}" or one of the accepted names`));
    }
    for (const { heading, values } of conflicts) {
      const quoted = values.map((v) => `"${shorten(v)}"`).join(', ');
      errors.push(new UserError(`${where}: its body has ${values.length} "### ${heading}" sections that disagree (${quoted}); keep one answer`));
    }
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
      const readings = labels.map(acceptabilityOfLabel);
      if (readings.includes('no')) acceptable = 'no';
      else if (acceptable === 'unanswered' && readings.includes('yes')) acceptable = 'yes';
    }
    if (sectionStatus === undefined || acceptable === undefined || conflicts.length > 0 || suspects.length > 0) continue;

    // The section and every severity label count together (`Low` beside `severity: critical` is
    // critical): the gate classifies them as one, and the worse wins.
    const severityLabels = [...new Set(labels.map((l) => /^sev(?:erity)?\s*[:/_ -]\s*(.+)$/.exec(l)?.[1]?.trim()).filter((s): s is string => s !== undefined && s !== ''))];
    const severity = [text('severity'), ...severityLabels].filter((s) => s !== '').join(', ');
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

/**
 * `### Heading` sections of an issue body (as issue forms write them), by the field they name. A field
 * written in several sections (an edit that added a second `### Acceptable`) is one answer when they
 * all say the same; otherwise it is a conflict: which one the assessor meant cannot be told.
 */
function sectionsOf(body: string): {
  fields: Map<Field, string>;
  conflicts: { heading: string; values: string[] }[];
  suspects: { heading: string; column: string }[];
} {
  const found = new Map<Field, { heading: string; values: string[] }>();
  const suspects: { heading: string; column: string }[] = [];
  const parts = shownText(body.replace(/\r\n?/g, '\n')).split(/^#{2,4}[ \t]+(.+?)[ \t]*#*[ \t]*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const heading = parts[i]!.replace(/[*_:?]+$/g, '');
    const field = FIELD_OF.get(looseColumnName(heading));
    if (field === undefined) {
      // A heading that looks like a field the verdict depends on is not skipped (see SUSPECT_COLUMNS).
      const suspect = SUSPECT_COLUMNS.find((c) => c.pattern.test(looseColumnName(heading)));
      if (suspect !== undefined) suspects.push({ heading: heading.trim(), column: suspect.column });
      continue;
    }
    const raw = parts[i + 1]!.trim();
    const value = NO_RESPONSE.test(raw) ? '' : raw;
    const before = found.get(field);
    if (before === undefined) found.set(field, { heading: heading.trim(), values: [value] });
    else before.values.push(value);
  }
  const fields = new Map<Field, string>();
  const conflicts: { heading: string; values: string[] }[] = [];
  for (const [field, { heading, values }] of found) {
    const distinct = [...new Set(values.map((v) => v.replace(/\s+/g, ' ')))];
    if (distinct.length > 1) conflicts.push({ heading, values: distinct });
    fields.set(field, values[0]!);
  }
  return { fields, conflicts, suspects };
}

/** Labels that say the residual risk is acceptable, once case and separators are evened out (`Risk: Acceptable`, `risk_acceptable`). */
const ACCEPTABLE_LABELS = new Set(['risk acceptable', 'residual risk acceptable', 'acceptable risk', 'acceptable', 'risk is acceptable']);
/** Labels that mention acceptance without saying yes or no to the risk: a status (`accepted`) or a statement of it. */
const ACCEPTANCE_STATUS_LABELS = new Set(['accepted', 'risk accepted', 'accepted risk']);

/**
 * What a label says of the residual risk: `yes`, `no`, or nothing. Any label that mentions
 * acceptability (in English, German, Spanish or Italian) and is not clearly yes says no (`unacceptable`,
 * `risk/not-acceptable`, `Acceptable?`, `acceptance pending`): a label the gate misreads must not pass.
 */
function acceptabilityOfLabel(label: string): 'yes' | 'no' | undefined {
  const words = label
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toLowerCase()
    .replace(/[\s\-_:/.|,;=]+/g, ' ')
    .trim();
  if (!/accept|akzept|acept|accett/.test(words)) return undefined;
  if (ACCEPTABLE_LABELS.has(words)) return 'yes';
  return ACCEPTANCE_STATUS_LABELS.has(words) ? undefined : 'no';
}

/** A value as quoted in a message: one line, at most 40 characters. */
function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/** A line that opens or closes a code fence: up to three spaces, then three or more ` or ~. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** A line that starts a list item: up to three spaces, then `-`, `*`, `+`, `1.` or `1)` and a space. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)/;
/** An ATX heading line. */
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** The width of a line's indentation, a tab reaching the next multiple of four (CommonMark). */
function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * The body without what is not an answer: HTML comments (GitHub does not show them; an issue form
 * leaves its hints in them, `<!-- Low, Medium or High -->`; one never closed hides the rest), code
 * fences with their content (an example or a template, shown as code; one never closed runs to the
 * end), and indented code blocks (as CommonMark reads them: lines indented four columns or more that
 * follow a blank line or a heading, outside a list, up to the next line indented less). Headings
 * inside any of them are not sections. Lines are kept as blank lines.
 */
export function shownText(body: string): string {
  const out: string[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  let inComment = false;
  let inIndentedCode = false;
  let inList = false;
  for (const line of body.split('\n')) {
    if (fence !== undefined) {
      const close = FENCE.exec(line);
      if (close !== null && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') fence = undefined;
      out.push('');
      continue;
    }
    if (!inComment) {
      const blank = line.trim() === '';
      const previous = out.at(-1);
      // An indented block cannot interrupt a paragraph, and inside a list indentation continues the item.
      const mayStartCode = previous === undefined || previous.trim() === '' || HEADING.test(previous);
      if ((inIndentedCode && blank) || (!blank && indentOf(line) >= 4 && !inList && (inIndentedCode || mayStartCode))) {
        inIndentedCode = true;
        out.push('');
        continue;
      }
      inIndentedCode = false;
      if (LIST_ITEM.test(line)) inList = true;
      else if (HEADING.test(line) || (!blank && indentOf(line) === 0 && previous !== undefined && previous.trim() === '')) inList = false;
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
