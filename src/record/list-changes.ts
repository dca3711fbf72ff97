/**
 * What changed in the lists since the previous release: requirements added, removed or reworded, and
 * anomalies opened, closed or changed, against the lists as they were at the previous tag. Pure.
 */
import type { Anomaly, AnomalyChange, AnomalyList, RequirementChange, RequirementList } from '../model/index.js';

/** Requirements added, removed and changed (by their text), in ID order within each kind. */
export function requirementChanges(before: RequirementList, now: RequirementList): RequirementChange[] {
  const old = new Map(before.requirements.map((r) => [r.id, r.title]));
  const current = new Map(now.requirements.map((r) => [r.id, r.title]));
  const changes: RequirementChange[] = [];
  for (const [id, text] of current) {
    if (!old.has(id)) changes.push({ id, kind: 'added', newText: text });
    else if (normalise(old.get(id)!) !== normalise(text)) changes.push({ id, kind: 'changed', oldText: old.get(id)!, newText: text });
  }
  for (const [id, text] of old) if (!current.has(id)) changes.push({ id, kind: 'removed', oldText: text });
  const order = { added: 0, changed: 1, removed: 2 } as const;
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || compare(a.id, b.id));
}

/** The fields of an anomaly compared between releases, by the name the record shows. */
const COMPARED: readonly [string, (a: Anomaly) => string][] = [
  ['Title', (a) => a.title],
  ['Severity', (a) => a.severity],
  ['Description', (a) => a.description],
  ['Impact', (a) => a.impact],
  ['Justification', (a) => a.justification],
  ['Acceptable', (a) => a.acceptable],
  ['Assessed By', (a) => a.assessedBy],
  ['Assessment Date', (a) => (a.assessmentDate.valid ? a.assessmentDate.date : a.assessmentDate.text)],
  ['Tests', (a) => a.tests.join(', ')],
  ['Requirements', (a) => a.requirements.join(', ')],
];

const isClosed = (a: Anomaly): boolean => a.status === 'closed' || a.status === 'fixed';

/** Anomalies opened (new or reopened), closed (closed, fixed, or gone from the list) and changed. */
export function anomalyChanges(before: readonly AnomalyList[], now: readonly AnomalyList[]): AnomalyChange[] {
  const old = new Map(before.flatMap((l) => l.anomalies).map((a) => [a.id, a]));
  const current = new Map(now.flatMap((l) => l.anomalies).map((a) => [a.id, a]));
  const changes: AnomalyChange[] = [];
  for (const [id, a] of current) {
    const was = old.get(id);
    if (was === undefined) {
      // A new anomaly already closed was found and fixed within the release: still a change to record.
      changes.push({ id, title: a.title, kind: isClosed(a) ? 'closed' : 'opened', newStatus: a.status, fields: [] });
      continue;
    }
    const fields = COMPARED.filter(([, get]) => normalise(get(was)) !== normalise(get(a))).map(([name]) => name);
    if (was.status !== a.status) fields.unshift('Status');
    if (fields.length === 0) continue;
    const kind = isClosed(a) && !isClosed(was) ? 'closed' : !isClosed(a) && isClosed(was) ? 'opened' : 'changed';
    changes.push({ id, title: a.title, kind, oldStatus: was.status, newStatus: a.status, fields });
  }
  for (const [id, a] of old) {
    if (!current.has(id) && !isClosed(a)) changes.push({ id, title: a.title, kind: 'closed', oldStatus: a.status, fields: ['removed from the list'] });
  }
  const order = { opened: 0, closed: 1, changed: 2 } as const;
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || compare(a.id, b.id));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
