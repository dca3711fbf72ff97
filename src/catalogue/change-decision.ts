/**
 * The significant-change decision for a version: `Significant change` (yes or no), `Rationale`,
 * `Decided by`, `Date` and, when yes, `Notified body approval`. Written in Markdown (`Field: value`
 * lines, a two-column table, or a heading per field with its paragraph) or YAML (see
 * `change-decision-yaml.ts`). Every missing, placeholder or invalid field is a problem naming it: a
 * release may not pass on a decision nobody made. Pure.
 */
import type { ChangeDecision } from '../model/index.js';
import { isPlaceholder } from './placeholder.js';
import { isIsoDate } from './read-anomalies.js';

/** The fields of a decision, as the record names them. */
export const DECISION_FIELDS = ['Significant change', 'Rationale', 'Decided by', 'Date', 'Notified body approval'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** A field as found in the file: its value and line (1-based). */
export interface FoundField {
  readonly value: string;
  readonly line: number;
}

/** The fields found, by their name in DECISION_FIELDS; a field written twice is a problem. */
export interface FoundFields {
  readonly fields: ReadonlyMap<DecisionField, FoundField>;
  readonly problems: readonly DecisionProblem[];
}

export interface DecisionProblem {
  readonly message: string;
  readonly line?: number;
}

/** The decision, or every problem it has. */
export type CheckedDecision = { readonly ok: true; readonly decision: ChangeDecision } | { readonly ok: false; readonly problems: readonly DecisionProblem[] };

/** Other names a field goes by (compared in lower case, without punctuation). */
const FIELD_ALIASES: Readonly<Record<DecisionField, readonly string[]>> = {
  'Significant change': ['significant change', 'significant', 'is significant change', 'significant change yes no'],
  Rationale: ['rationale', 'justification', 'reason'],
  'Decided by': ['decided by', 'decision by', 'approved by', 'author'],
  Date: ['date', 'decision date', 'decided on'],
  'Notified body approval': ['notified body approval', 'nb approval', 'approval', 'notified body approval reference', 'approval reference'],
};

/** The field a key names, when it names one. */
export function decisionFieldOf(key: string): DecisionField | undefined {
  const k = key
    .toLowerCase()
    .replace(/[*_`#:()/?-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return DECISION_FIELDS.find((f) => FIELD_ALIASES[f].includes(k));
}

/** Collects fields into a map; a second value for one field is a problem. */
export class FieldCollector {
  private readonly found = new Map<DecisionField, FoundField>();
  private readonly problems: DecisionProblem[] = [];

  add(key: string, value: string, line: number): boolean {
    const field = decisionFieldOf(key);
    if (field === undefined) return false;
    const first = this.found.get(field);
    if (first !== undefined) this.problems.push({ message: `"${field}" is given twice (lines ${first.line} and ${line}); give it once`, line });
    else this.found.set(field, { value: value.trim(), line });
    return true;
  }

  result(): FoundFields {
    return { fields: this.found, problems: this.problems };
  }
}

/** The fields of a Markdown decision: `Field: value` lines (bold or listed), table rows, or a heading and its paragraph. */
export function markdownDecisionFields(text: string): FoundFields {
  const collector = new FieldCollector();
  const lines = text.split(/\r?\n/);
  let fence = false;
  let heading: { key: string; line: number; body: string[] } | undefined;
  const endHeading = (): void => {
    if (heading !== undefined) collector.add(heading.key, heading.body.join(' ').trim(), heading.line);
    heading = undefined;
  };
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    if (fence) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (h !== null) {
      endHeading();
      if (decisionFieldOf(h[1]!) !== undefined) heading = { key: h[1]!, line, body: [] };
      continue;
    }
    const row = /^\s*\|([^|]*)\|([^|]*)\|?\s*$/.exec(raw);
    if (row !== null && !/^[\s:-]*$/.test(row[1]!) && collector.add(row[1]!, row[2]!, line)) continue;
    const pair = /^\s*(?:[-*+]\s+|>\s*)?(?:\*\*|__)?([A-Za-z][A-Za-z /()?-]{0,60}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/.exec(raw);
    if (pair !== null && collector.add(pair[1]!, pair[2]!.replace(/(\*\*|__)\s*$/, ''), line)) {
      endHeading();
      continue;
    }
    if (heading !== undefined && raw.trim() !== '') heading.body.push(raw.trim());
  }
  endHeading();
  return collector.result();
}

/** Checks the fields found in `file` against what a decision needs; `today` (`YYYY-MM-DD`) bounds the date. */
export function checkDecision(found: FoundFields, today: string): CheckedDecision {
  const problems: DecisionProblem[] = [...found.problems];
  const value = (field: DecisionField): string | undefined => {
    const f = found.fields.get(field);
    if (f === undefined) {
      problems.push({ message: `"${field}" is missing; add a line "${field}: ..."` });
      return undefined;
    }
    const shown = f.value.trim();
    const needsWords = field === 'Decided by' || field === 'Rationale';
    if (field !== 'Significant change' && field !== 'Date' && (shown === '' || isPlaceholder(shown, { needsWords }))) {
      problems.push({ message: shown === '' ? `"${field}" is empty; fill it in` : `"${field}" is "${shown}", a placeholder; write the real ${field.toLowerCase()}`, line: f.line });
      return undefined;
    }
    return shown;
  };
  const significantText = value('Significant change');
  let significant: boolean | undefined;
  if (significantText !== undefined) {
    const word = significantText.toLowerCase().replace(/[.!\s]+$/, '');
    significant = ['yes', 'true', 'y'].includes(word) ? true : ['no', 'false', 'n'].includes(word) ? false : undefined;
    if (significant === undefined) problems.push({ message: `"Significant change" is "${significantText}"; it must be yes or no`, line: found.fields.get('Significant change')!.line });
  }
  const rationale = value('Rationale');
  const decidedBy = value('Decided by');
  const date = value('Date');
  if (date !== undefined) {
    const line = found.fields.get('Date')!.line;
    if (!isIsoDate(date)) problems.push({ message: `"Date" is "${date}", not a date; write it as YYYY-MM-DD`, line });
    else if (date > today) problems.push({ message: `"Date" is ${date}, after today (${today}); a decision cannot be dated in the future`, line });
  }
  let approval: string | undefined;
  if (significant === true) approval = value('Notified body approval');
  if (problems.length > 0 || significant === undefined || rationale === undefined || decidedBy === undefined || date === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    decision: { file: '', significant, rationale, decidedBy, date, ...(approval !== undefined ? { approval } : {}) },
  };
}
