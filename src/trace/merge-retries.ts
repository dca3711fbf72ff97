import type { TestCase } from '../model/index.js';

/**
 * A report's cases in evidence order (by class, then name, then everything that tells two apart), with
 * the attempts of one test merged. Cases are attempts of one test only when they share suites,
 * classname, name, source file and line, and the report names the file: without a file, cases that
 * share a name are as likely distinct tests (CUTE suites, xUnit theory rows, two jest files) and stay
 * apart. A merge never makes a failure a pass: the separate cases of a retrying runner (gotestsum
 * --rerun-fails, Gradle test-retry, pytest-rerunfailures) carry no mark that they were reruns, or in
 * which order they ran. A test the runner reran and then passed is flaky only where the runner says so
 * in the case itself (Surefire `flakyFailure`, read by the parser).
 */
export function mergeRetries(cases: readonly TestCase[]): TestCase[] {
  const sorted = sortCases(cases);
  let out: TestCase[] | undefined;
  let positions: Map<TestCase, number> | undefined;
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1;
    while (end < sorted.length && sameTest(sorted[i]!, sorted[end]!)) end++;
    if (end - i > 1) {
      out ??= sorted.slice(0, i);
      positions ??= new Map(cases.map((c, at) => [c, at]));
      const order = positions;
      out.push(mergeAttempts(sorted.slice(i, end).sort((a, b) => order.get(a)! - order.get(b)!)));
    } else if (out !== undefined) {
      out.push(sorted[i]!);
    }
    i = end;
  }
  return out ?? sorted;
}

/** Attempts of one test: same suites, classname, name, line, and a file the report names. */
function sameTest(a: TestCase, b: TestCase): boolean {
  return (
    a.file !== undefined &&
    a.file !== '' &&
    a.name !== '' &&
    a.name === b.name &&
    a.classname === b.classname &&
    a.file === b.file &&
    a.line === b.line &&
    a.suites.length === b.suites.length &&
    a.suites.every((s, i) => s === b.suites[i])
  );
}

/**
 * One test from its attempts, in report order: failed or errored as its last failing attempt when any
 * attempt failed or errored; else passed when one passed (flaky when the runner marked one so); else
 * skipped. Its time is that of all attempts.
 */
function mergeAttempts(attempts: readonly TestCase[]): TestCase {
  const time = attempts.reduce((sum, c) => sum + c.time, 0);
  const failing = attempts.filter((c) => c.status === 'failed' || c.status === 'errored');
  if (failing.length > 0) return { ...failing[failing.length - 1]!, flaky: false, time };
  const passed = attempts.filter((c) => c.status === 'passed');
  if (passed.length === 0) return { ...attempts[attempts.length - 1]!, time };
  return { ...(passed.find((c) => c.flaky) ?? passed[passed.length - 1]!), time };
}

/**
 * The cases by class, then name, then everything that tells two apart. Grouped by class first (a
 * report has few classes, each written together), each class sorted on its own: the same order as one
 * sort of all of them, with far fewer comparisons of long strings.
 */
function sortCases(cases: readonly TestCase[]): TestCase[] {
  const byClass = new Map<string, TestCase[]>();
  for (const c of cases) {
    const group = byClass.get(c.classname);
    if (group) group.push(c);
    else byClass.set(c.classname, [c]);
  }
  const out: TestCase[] = [];
  for (const name of [...byClass.keys()].sort(compareText)) {
    for (const c of byClass.get(name)!.sort((a, b) => compareText(a.name, b.name) || compareCases(a, b))) out.push(c);
  }
  return out;
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cases with the same class and name, in a stable order: everything that can tell them apart. */
function compareCases(x: TestCase, y: TestCase): number {
  return (
    compareText(x.suites.join('\u0000'), y.suites.join('\u0000')) ||
    compareText(x.classname, y.classname) ||
    compareText(x.file ?? '', y.file ?? '') ||
    (x.line ?? 0) - (y.line ?? 0) ||
    compareText(x.status, y.status) ||
    compareText(String(x.flaky), String(y.flaky)) ||
    x.time - y.time ||
    compareText(x.message ?? '', y.message ?? '') ||
    compareText(x.displayName ?? '', y.displayName ?? '') ||
    compareText(x.properties.map((p) => `${p.name}=${p.value}`).join('\u0000'), y.properties.map((p) => `${p.name}=${p.value}`).join('\u0000'))
  );
}
