import type { UserError } from '../errors.js';
import type { EmptySuite, EvaluatedAnomaly, Finding, GatePolicy, Reason, SuiteHidingFailures, Verdict } from '../model/index.js';
import type { TestSet } from '../trace/test-set.js';
import type { Trace } from '../trace/trace.js';

/** How many test names a reason quotes before it says "and N more". */
export const NAMES_IN_A_REASON = 5;

/**
 * Decides pass or fail from the trace. Every gap is a reason; nothing here throws. Inputs that could
 * not be read are reasons too, first; without a readable requirements list there is nothing to trace
 * against, and the gate fails on the problems alone. Which anomaly explains which test was settled
 * while tracing; the anomalies come here to be judged themselves.
 */
export function judge(
  trace: Trace,
  policy: GatePolicy,
  problems: readonly UserError[] = [],
  anomalies: readonly EvaluatedAnomaly[] = [],
  findings: readonly Finding[] = [],
): Verdict {
  const reasons: Reason[] = problems.map((p) => ({ code: 'unreadable-input', message: p.toString() }));
  const warnings: Reason[] = [];
  // The release's own checks come first: a release that is not what was tested fails whatever its tests say.
  for (const f of findings) (f.blocking ? reasons : warnings).push({ code: f.code, message: f.message });
  const acceptedBy = new Map<string, readonly string[]>();
  if (!trace.listRead) {
    if (reasons.length === 0) reasons.push({ code: 'unreadable-input', message: 'the requirements list could not be read' });
    return { passed: false, reasons, warnings, coverage: 0, anomalies, acceptedBy };
  }

  const { reports } = trace;
  if (trace.totals.tests === 0) {
    reasons.push({
      code: 'no-tests',
      message: `no test case was found in ${reports.length === 1 ? 'the report' : `any of the ${reports.length} reports`}: nothing verifies the release`,
    });
  }
  for (const r of reports) {
    if (r.totals.tests === 0 && r.declared.tests > 0) {
      reasons.push({
        code: 'report-without-cases',
        message: `${r.file}: its suites declare ${r.declared.tests} tests but the report contains no test case; the report is incomplete`,
      });
    } else if (r.emptySuites.length > 0) {
      // Other suites of the report hold cases; these promise cases they do not hold.
      const empty = r.emptySuites;
      const [first] = empty;
      const message =
        empty.length === 1
          ? `the suite "${first!.name}" (line ${first!.line}) declares ${declaredCounts(first!)} but holds no test case`
          : `${empty.length} suites declare tests but hold no test case: ${empty
              .slice(0, NAMES_IN_A_REASON)
              .map((s) => `"${s.name}" (line ${s.line}, ${declaredCounts(s)})`)
              .join(', ')}${empty.length > NAMES_IN_A_REASON ? ` and ${empty.length - NAMES_IN_A_REASON} more` : ''}`;
      reasons.push({ code: 'report-without-cases', message: `${r.file}: ${message}; the report is incomplete` });
    }
    if (r.suitesHidingFailures.length > 0) reasons.push({ code: 'report-without-cases', message: hiddenFailuresMessage(r.file, r.suitesHidingFailures) });
  }

  for (const { requirement, status, tests, unexplained, explainedBy } of trace.requirements) {
    const id = requirement.title === '' ? requirement.id : `${requirement.id} (${requirement.title})`;
    if (status === 'failed') {
      if (unexplained.count === 0) {
        acceptedBy.set(requirement.id, explainedBy);
      } else {
        const open = unexplained.count;
        reasons.push({
          code: 'requirement-failed',
          message: `${id} failed: ${open} of its ${plural(tests.count, 'test')} failed or errored and no assessed, acceptable residual anomaly explains ${open === 1 ? 'it' : 'them'}: ${quote(unexplained)}`,
        });
      }
    } else if (status === 'skipped') {
      reasons.push({ code: 'requirement-skipped', message: `${id} is not verified: its ${plural(tests.count, 'test')} did not run (skipped): ${quote(tests)}` });
    } else if (status === 'uncovered') {
      reasons.push({ code: 'requirement-uncovered', message: `${id} is not verified: no test names it` });
    }
  }

  for (const u of trace.unknownIds) {
    reasons.push({
      code: 'unknown-id',
      message: `${u.id} is not in the requirements list but ${plural(u.tests.count, 'test')} ${u.tests.count === 1 ? 'names' : 'name'} it (a typo, or a requirement missing from the list): ${quote(u.tests)}`,
    });
  }

  for (const a of anomalies) {
    if (a.problems.length > 0) {
      const title = a.anomaly.title === '' ? a.anomaly.id : `${a.anomaly.id} (${a.anomaly.title})`;
      reasons.push({ code: 'anomaly', message: `residual anomaly ${title} in ${a.anomaly.source}: ${a.problems.join('; ')}` });
    }
  }

  const outside = trace.unexplainedOutside;
  if (outside.count > 0) {
    reasons.push({
      code: 'unexplained-failure',
      message: `${plural(outside.count, 'failing test')} ${outside.count === 1 ? 'is' : 'are'} not explained by an assessed, acceptable residual anomaly: ${quote(outside)}`,
    });
  }
  const flaky = trace.unexplainedFlaky;
  if (flaky.count > 0) {
    reasons.push({
      code: 'unexplained-flaky',
      message: `${plural(flaky.count, 'test')} failed and then passed on a rerun (flaky) and no residual anomaly explains ${flaky.count === 1 ? 'it' : 'them'}: ${quote(flaky)}`,
    });
  }

  const untraced = trace.untraced;
  if (untraced.count > 0) {
    const reason: Reason = {
      code: 'untraced-tests',
      message: `${plural(untraced.count, 'test')} ${untraced.count === 1 ? 'names' : 'name'} no requirement ID: ${quote(untraced)}${looseHint(trace.untracedLoose, untraced.count)}`,
    };
    (policy.untracedTests === 'fail' ? reasons : warnings).push(reason);
  }

  const total = trace.requirements.length;
  const verified = trace.requirements.filter((r) => r.status === 'verified').length;
  return {
    passed: reasons.length === 0,
    reasons,
    warnings,
    coverage: total === 0 ? 0 : Math.floor((verified / total) * 1000) / 10,
    anomalies,
    acceptedBy,
  };
}

/** Says which untraced tests `id-variants: loose` would link: they write an ID of the list as `SRS_001` or `TestSRS004`. */
function looseHint(loose: TestSet, untraced: number): string {
  if (loose.count === 0) return '';
  const spelling = 'an ID of the list in a spelling such as SRS_001 or TestSRS004, which only id-variants: loose links';
  if (loose.count === untraced) return ` (${untraced === 1 ? 'it names' : 'they name'} ${spelling})`;
  return `; ${loose.count} of them ${loose.count === 1 ? 'names' : 'name'} ${spelling}: ${quote(loose)}`;
}

/** The first tests of a set by name, then how many more. */
function quote(tests: TestSet): string {
  const shown = tests.sample.slice(0, NAMES_IN_A_REASON).map((t) => `"${t.name}"`);
  const more = tests.count - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Suites whose declared failures or errors no case shows: the failed cases are missing from the report. */
function hiddenFailuresMessage(file: string, suites: readonly SuiteHidingFailures[]): string {
  const named = suites
    .slice(0, NAMES_IN_A_REASON)
    .map((s) => `"${s.name}" (line ${s.line}) declares ${declaredCounts({ ...s, tests: 0, skipped: 0 })}`)
    .join(', ');
  const more = suites.length > NAMES_IN_A_REASON ? ` and ${suites.length - NAMES_IN_A_REASON} more` : '';
  const which = suites.length === 1 ? 'the suite' : `${suites.length} suites:`;
  return `${file}: ${which} ${named}${more} but none of its test cases failed or errored; the report is incomplete`;
}

/** `3 tests, 1 failure`: the counts a suite declares that are not zero. */
function declaredCounts(s: EmptySuite): string {
  const counts: [number, string][] = [
    [s.tests, 'test'],
    [s.failures, 'failure'],
    [s.errors, 'error'],
    [s.skipped, 'skipped test'],
  ];
  return counts
    .filter(([n]) => n > 0)
    .map(([n, word]) => plural(n, word))
    .join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
