import type { TestCase } from '../model.js';

/**
 * A report's cases in evidence order (by class, then name, then everything that tells two apart), with
 * the attempts of a retried test merged. Retrying runners (Playwright, jest-circus retries,
 * web-test-runner, pytest-rerunfailures) write a test once per attempt. Attempts of one test (same
 * suites, classname and name) that include both a pass and a failure or error become one test:
 * passed, flaky, with the failure's message, and the time of all attempts. Attempts that agree are
 * left as they are. Attempts of one test have one class and name, so after the sort they stand together.
 */
export function mergeRetries(cases: readonly TestCase[]): TestCase[] {
  const sorted = sortCases(cases);
  let out: TestCase[] | undefined;
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1;
    while (end < sorted.length && sorted[end]!.name === sorted[i]!.name && sorted[end]!.classname === sorted[i]!.classname) end++;
    const merged = end - i > 1 ? mergeRun(sorted.slice(i, end)) : undefined;
    if (merged !== undefined && out === undefined) out = sorted.slice(0, i);
    if (out !== undefined) for (const c of merged ?? sorted.slice(i, end)) out.push(c);
    i = end;
  }
  return out ?? sorted;
}

/** Cases with one class and name: merged when some are attempts of one test that failed and passed; undefined when none is. */
function mergeRun(run: readonly TestCase[]): TestCase[] | undefined {
  const groups = new Map<string, TestCase[]>();
  for (const c of run) {
    const key = c.suites.join('\u0000');
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  let changed = false;
  const out: TestCase[] = [];
  for (const attempts of groups.values()) {
    const passed = attempts.find((c) => c.status === 'passed');
    const failed = attempts.find((c) => c.status === 'failed' || c.status === 'errored');
    if (attempts.length < 2 || passed === undefined || failed === undefined) {
      out.push(...attempts);
      continue;
    }
    changed = true;
    out.push({
      ...passed,
      flaky: true,
      time: attempts.reduce((sum, c) => sum + c.time, 0),
      ...(failed.message !== undefined ? { message: failed.message } : {}),
    });
  }
  return changed ? out : undefined;
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
