import type { Requirement, TestCase, TracedTest } from '../../src/model/index.js';
import type { IdMatcher } from '../../src/trace/requirement-ids.js';
import { compareText, Tracer, type Explainer, type Trace } from '../../src/trace/trace.js';

/** Traces tests held in memory through the one `Tracer`: grouped by report, reports in path order. */
export function trace(
  requirements: readonly Requirement[] | undefined,
  tests: readonly TestCase[],
  matcher: IdMatcher,
  explain?: Explainer,
): Trace & { readonly tests: readonly TracedTest[] } {
  const byReport = new Map<string, TestCase[]>();
  for (const t of tests) {
    const list = byReport.get(t.report);
    if (list) list.push(t);
    else byReport.set(t.report, [t]);
  }
  const tracer = new Tracer(requirements, matcher, explain);
  const all: TracedTest[] = [];
  for (const file of [...byReport.keys()].sort(compareText)) {
    const cases = byReport.get(file)!;
    const declared = { tests: cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
    for (const t of tracer.add({ file, cases, suiteCount: 1, declared })) all.push(t);
  }
  return { ...tracer.finish(), tests: all };
}
