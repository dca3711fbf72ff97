import path from 'node:path';
import type { Verdict } from '../gate/judge.js';
import type { RequirementList } from '../model.js';
import type { Trace, TracedTest } from '../trace/trace.js';
import { truncate } from './escape.js';

/**
 * GitHub shows 10 error and 10 warning annotations a step. One error is kept free for the verdict
 * itself (the step's failure message), so that it is never the one GitHub drops.
 */
export const MAX_ERROR_ANNOTATIONS = 9;
export const MAX_WARNING_ANNOTATIONS = 10;
const MESSAGE_LENGTH = 1000;

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  /** Path relative to the repository root, when the problem has a place in it. */
  readonly file?: string;
  readonly line?: number;
}

/**
 * Every finding as an annotation, most important first: failing tests at their file and line, unknown
 * IDs, requirements without a passing test (at their row of the list), untraced and flaky tests.
 */
export function buildAnnotations(trace: Trace, verdict: Verdict, list: RequirementList, workspace: string): Annotation[] {
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  const at = (t: TracedTest): Pick<Annotation, 'file' | 'line'> => {
    const file = t.test.file === undefined ? undefined : toRepoPath(t.test.file, workspace);
    if (file === undefined) return {};
    return t.test.line === undefined ? { file } : { file, line: t.test.line };
  };

  for (const r of trace.requirements) {
    if (r.status !== 'failed') continue;
    for (const t of r.tests) {
      if (t.test.status !== 'failed' && t.test.status !== 'errored') continue;
      errors.push({
        level: 'error',
        title: `${r.requirement.id}: test ${t.test.status}`,
        message: truncate(`${t.label}${t.test.message === undefined ? '' : `: ${t.test.message}`}`, MESSAGE_LENGTH),
        ...at(t),
      });
    }
  }
  for (const u of trace.unknownIds) {
    for (const t of u.tests) {
      errors.push({ level: 'error', title: `Unknown requirement ID ${u.id}`, message: truncate(`${t.label} names ${u.id}, which is not in ${list.file}`, MESSAGE_LENGTH), ...at(t) });
    }
  }
  const listFile = toRepoPath(list.file, workspace);
  for (const r of trace.requirements) {
    if (r.status !== 'uncovered' && r.status !== 'skipped') continue;
    errors.push({
      level: 'error',
      title: `${r.requirement.id} not verified`,
      message: r.status === 'uncovered' ? `${r.requirement.id}: no test names this requirement` : `${r.requirement.id}: every test of this requirement was skipped`,
      ...(listFile === undefined ? {} : r.requirement.line === undefined ? { file: listFile } : { file: listFile, line: r.requirement.line }),
    });
  }
  const untracedInto = verdict.reasons.some((r) => r.code === 'untraced-tests') ? errors : warnings;
  for (const t of trace.untraced) {
    untracedInto.push({ level: untracedInto === errors ? 'error' : 'warning', title: 'Test names no requirement', message: truncate(t.label, MESSAGE_LENGTH), ...at(t) });
  }
  for (const t of trace.tests) {
    if (t.test.flaky) warnings.push({ level: 'warning', title: 'Flaky test', message: truncate(`${t.label} failed, then passed on a rerun`, MESSAGE_LENGTH), ...at(t) });
  }

  return [...errors, ...warnings];
}

/** Keeps the first 10 errors and 10 warnings, in order, and adds one notice that counts the rest. */
export function capAnnotations(all: readonly Annotation[]): Annotation[] {
  const errors = all.filter((a) => a.level === 'error');
  const warnings = all.filter((a) => a.level === 'warning');
  const shown = [...errors.slice(0, MAX_ERROR_ANNOTATIONS), ...warnings.slice(0, MAX_WARNING_ANNOTATIONS)];
  const hidden = errors.length + warnings.length - shown.length;
  if (hidden === 0) return shown;
  return [
    ...shown,
    {
      level: 'notice',
      title: 'More findings',
      message: `${hidden} more findings are not annotated here (GitHub shows 10 errors and 10 warnings a step): see the job summary and the evidence files`,
    },
  ];
}

/**
 * A report's file path as a path inside the repository: absolute runner paths under the workspace
 * become relative; paths outside it, or climbing out with `..`, give undefined.
 */
export function toRepoPath(file: string, workspace: string): string | undefined {
  const f = file.replace(/\\/g, '/');
  const ws = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
  let rel: string;
  if (path.posix.isAbsolute(f) || /^[A-Za-z]:\//.test(f)) {
    if (ws === '' || !(f === ws || f.startsWith(`${ws}/`))) return undefined;
    rel = f.slice(ws.length + 1);
  } else {
    rel = f;
  }
  const normal = path.posix.normalize(rel);
  if (normal === '.' || normal === '' || normal.startsWith('../') || normal === '..') return undefined;
  return normal.replace(/^\.\//, '');
}
