import path from 'node:path';
import type { RequirementList, SampledTest, Verdict } from '../model/index.js';
import type { TestSet, Trace } from '../trace/trace.js';
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

/** Annotations built per level before the rest are only counted (more than GitHub shows). */
const BUILT_PER_LEVEL = MAX_WARNING_ANNOTATIONS;

/** Findings as annotations, and how many more findings there are than were built. */
export interface BuiltAnnotations {
  readonly annotations: readonly Annotation[];
  readonly unbuilt: number;
}

/**
 * Every finding as an annotation, most important first: failing tests at their file and line, unknown
 * IDs, requirements without a passing test (at their row of the list), untraced and flaky tests. Only
 * as many are built as GitHub can show; the others are counted.
 */
export function buildAnnotations(trace: Trace, verdict: Verdict, list: RequirementList, workspace: string): BuiltAnnotations {
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  let unbuilt = 0;
  const push = (into: Annotation[], a: () => Annotation): void => {
    if (into.length < BUILT_PER_LEVEL) into.push(a());
    else unbuilt++;
  };
  /** The set's tests as annotations (from its sample), the rest counted. */
  const each = (into: Annotation[], tests: TestSet, a: (t: SampledTest) => Annotation): void => {
    for (const t of tests.sample) push(into, () => a(t));
    unbuilt += tests.unsampled;
  };
  const at = (t: SampledTest): Pick<Annotation, 'file' | 'line'> => {
    const file = t.file === undefined ? undefined : toRepoPath(t.file, workspace);
    if (file === undefined) return {};
    return t.line === undefined ? { file } : { file, line: t.line };
  };

  for (const r of trace.requirements) {
    if (r.status !== 'failed') continue;
    for (const t of r.failing.sample) {
      const failure = `${t.name}${t.message === undefined ? '' : `: ${t.message}`}`;
      // A failure a residual anomaly accepts does not fail the gate: a warning that names the anomaly.
      if (t.explainedBy.length > 0) {
        push(warnings, () => ({ level: 'warning', title: `${r.requirement.id}: test ${t.status}, accepted by ${t.explainedBy.join(', ')}`, message: truncate(failure, MESSAGE_LENGTH), ...at(t) }));
      } else {
        push(errors, () => ({ level: 'error', title: `${r.requirement.id}: test ${t.status}`, message: truncate(failure, MESSAGE_LENGTH), ...at(t) }));
      }
    }
    unbuilt += r.failing.unsampled;
  }
  for (const u of trace.unknownIds) {
    each(errors, u.tests, (t) => ({ level: 'error', title: `Unknown requirement ID ${u.id}`, message: truncate(`${t.name} names ${u.id}, which is not in ${list.file}`, MESSAGE_LENGTH), ...at(t) }));
  }
  const listFile = toRepoPath(list.file, workspace);
  for (const r of trace.requirements) {
    if (r.status !== 'uncovered' && r.status !== 'skipped') continue;
    push(errors, () => ({
      level: 'error',
      title: `${r.requirement.id} not verified`,
      message: r.status === 'uncovered' ? `${r.requirement.id}: no test names this requirement` : `${r.requirement.id}: every test of this requirement was skipped`,
      ...(listFile === undefined ? {} : r.requirement.line === undefined ? { file: listFile } : { file: listFile, line: r.requirement.line }),
    }));
  }
  const untracedFails = verdict.reasons.some((r) => r.code === 'untraced-tests');
  each(untracedFails ? errors : warnings, trace.untraced, (t) => ({
    level: untracedFails ? 'error' : 'warning',
    title: 'Test names no requirement',
    message: truncate(t.name, MESSAGE_LENGTH),
    ...at(t),
  }));
  each(warnings, trace.flaky, (t) => ({
    level: 'warning',
    title: t.explainedBy.length > 0 ? `Flaky test, accepted by ${t.explainedBy.join(', ')}` : 'Flaky test',
    message: truncate(`${t.name} failed, then passed on a rerun`, MESSAGE_LENGTH),
    ...at(t),
  }));

  return { annotations: [...errors, ...warnings], unbuilt };
}

/**
 * Keeps the first 9 errors and 10 warnings, in order, and adds one notice that counts the rest
 * (those given and not kept, and `unbuilt` more that were only counted).
 */
export function capAnnotations(all: readonly Annotation[], unbuilt = 0): Annotation[] {
  const errors = all.filter((a) => a.level === 'error');
  const warnings = all.filter((a) => a.level === 'warning');
  const shown = [...errors.slice(0, MAX_ERROR_ANNOTATIONS), ...warnings.slice(0, MAX_WARNING_ANNOTATIONS)];
  const hidden = errors.length + warnings.length - shown.length + unbuilt;
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
