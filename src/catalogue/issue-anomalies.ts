import { UserError, UserErrors } from '../errors.js';
import type { Anomaly, AnomalyList, AnomalyStatus } from '../model.js';
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
 * Status: an open issue is open (or what its Status section or labels say); an issue closed as not
 * planned is deferred (the anomaly stays in the product); one closed as completed is fixed.
 * An issue without an Acceptable answer is not fully assessed.
 */
export function anomaliesFromIssues(label: string, issues: readonly IssueData[]): AnomalyList {
  const errors: UserError[] = [];
  const anomalies: Anomaly[] = [];
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const where = `issue #${issue.number}`;
    const fields = sectionsOf(issue.body ?? '');
    const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).map((l) => l.trim().toLowerCase());
    const text = (f: Field): string => (fields.get(f) ?? '').replace(/\s+/g, ' ').trim();

    let status: AnomalyStatus | undefined;
    if (issue.state === 'closed') status = issue.state_reason === 'not_planned' ? 'deferred' : 'fixed';
    else if (fields.has('status')) status = anomalyStatusOf(text('status'));
    else status = labels.map((l) => anomalyStatusOf(l)).find((s) => s !== undefined && s !== 'open') ?? 'open';
    if (status === undefined) errors.push(new UserError(`${where}: unknown status "${text('status')}" in its Status section`));

    let acceptable = fields.has('acceptable') ? acceptableOf(text('acceptable')) : { value: undefined };
    if (acceptable === undefined) errors.push(new UserError(`${where}: its Acceptable section says "${text('acceptable')}"; write yes or no`));
    else if (acceptable.value === undefined) {
      if (labels.includes('risk-acceptable') || labels.includes('risk: acceptable')) acceptable = { value: true };
      else if (labels.includes('risk-not-acceptable') || labels.includes('risk: not acceptable')) acceptable = { value: false };
    }
    if (status === undefined || acceptable === undefined) continue;

    const severity = text('severity') || (labels.map((l) => /^severity\s*[:/-]\s*(.+)$/.exec(l)?.[1]).find((s) => s !== undefined) ?? '');
    anomalies.push({
      id: `#${issue.number}`,
      title: issue.title.trim(),
      status,
      severity: severity.replace(/^\w/, (c) => c.toUpperCase()),
      tests: splitTests(fields.get('tests') ?? '').map(stripListMarker),
      acceptable: acceptable.value,
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
  const parts = body.replace(/\r\n?/g, '\n').split(/^#{2,4}[ \t]+(.+?)[ \t]*#*[ \t]*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const field = FIELD_OF.get(normaliseColumnName(parts[i]!.replace(/[*_:?]+$/g, '')));
    if (field === undefined || fields.has(field)) continue;
    const value = parts[i + 1]!.trim();
    fields.set(field, NO_RESPONSE.test(value) ? '' : value.replace(/^```\w*\n?|\n?```$/g, ''));
  }
  return fields;
}

/** Issue-form lists are often written as Markdown bullets; the marker is not part of a test name. */
function stripListMarker(item: string): string {
  return item.replace(/^(?:[-*+]|\d+\.)\s+/, '').replace(/^`(.*)`$/, '$1');
}
