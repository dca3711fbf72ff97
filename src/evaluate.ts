import type { UserError } from './errors.js';
import { judge, type GatePolicy, type Verdict } from './gate/judge.js';
import { evaluateAnomaly } from './gate/anomalies.js';
import type { AnomalyList, Report, RequirementList } from './model.js';
import { buildAnnotations, capAnnotations, toRepoPath, type Annotation } from './report/annotations.js';
import { buildEvidence, type Evidence, type Provenance } from './report/evidence.js';
import { mergeRetries } from './trace/merge-retries.js';
import { buildVariantMatcher, type IdMatcher } from './trace/requirement-ids.js';
import { trace as traceTests, type Trace } from './trace/trace.js';

export interface GateInput {
  /** The requirements list, or undefined when it could not be read (a problem says why). */
  readonly list: RequirementList | undefined;
  readonly reports: readonly Report[];
  /** Known anomalies from every source (a file, GitHub issues); empty when none is configured. */
  readonly anomalyLists?: readonly AnomalyList[];
  /** Inputs that could not be read, each naming its file and line. */
  readonly problems: readonly UserError[];
  readonly pattern: RegExp;
  readonly idVariants: 'exact' | 'loose';
  readonly policy: GatePolicy;
  readonly provenance: Provenance;
  /** Absolute path of the repository checkout, to turn runner paths into repository paths. */
  readonly workspace: string;
}

export interface GateOutcome {
  readonly trace: Trace | undefined;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
  readonly annotations: readonly Annotation[];
}

/** The whole gate as a pure function: loaded inputs in, verdict and everything to report out. */
export function evaluate(input: GateInput): GateOutcome {
  let trace: Trace | undefined;
  const problems = [...input.problems];
  if (input.list !== undefined) {
    try {
      const matcher: IdMatcher = {
        pattern: input.pattern,
        ...(input.idVariants === 'loose' ? { variants: buildVariantMatcher(input.list.requirements) } : {}),
      };
      trace = traceTests(input.list.requirements, input.reports.flatMap((r) => mergeRetries(r.cases)), matcher);
    } catch (e) {
      if (!(e instanceof Error) || e.name !== 'UserError') throw e;
      problems.push(e as UserError);
    }
  }
  const anomalies = (input.anomalyLists ?? []).flatMap((l) => l.anomalies.map((a) => evaluateAnomaly(a, { hasAcceptableColumn: l.hasAcceptableColumn })));
  const verdict = judge(trace, input.reports, input.policy, problems, anomalies);
  const empty: Trace = { requirements: [], tests: [], untraced: [], unknownIds: [], totals: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 } };
  const evidence = buildEvidence(trace ?? empty, verdict, input.reports, input.provenance);
  const annotations: Annotation[] = problems.map((p) => {
    const file = p.file === undefined ? undefined : toRepoPath(p.file, input.workspace);
    return { level: 'error', title: 'Unreadable input', message: p.message, ...(file === undefined ? {} : p.line === undefined ? { file } : { file, line: p.line }) };
  });
  if (trace !== undefined && input.list !== undefined) annotations.push(...buildAnnotations(trace, verdict, input.list, input.workspace));
  return { trace, verdict, evidence, annotations: capAnnotations(annotations) };
}
