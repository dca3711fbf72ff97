import type { TestCase } from '../model.js';

/**
 * Retrying runners (Playwright, jest-circus retries, web-test-runner, pytest-rerunfailures) write a
 * test once per attempt. Attempts of one test (same report, suites, classname and name) that include
 * both a pass and a failure or error become one test: passed, flaky, with the failure's message.
 * Attempts that agree are left as they are.
 */
export function mergeRetries(cases: readonly TestCase[]): readonly TestCase[] {
  // Most reports name every test once: then there is nothing to merge.
  const names = new Set<string>();
  let repeated = false;
  for (const c of cases) {
    if (names.has(c.name)) {
      repeated = true;
      break;
    }
    names.add(c.name);
  }
  if (!repeated) return cases;
  const groups = new Map<string, TestCase[]>();
  for (const c of cases) {
    const key = [c.report, ...c.suites, c.classname, c.name].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: TestCase[] = [];
  for (const attempts of groups.values()) {
    const passed = attempts.find((c) => c.status === 'passed');
    const failed = attempts.find((c) => c.status === 'failed' || c.status === 'errored');
    if (attempts.length < 2 || passed === undefined || failed === undefined) {
      out.push(...attempts);
      continue;
    }
    out.push({
      ...passed,
      flaky: true,
      time: attempts.reduce((sum, c) => sum + c.time, 0),
      ...(failed.message !== undefined ? { message: failed.message } : {}),
    });
  }
  return out;
}
