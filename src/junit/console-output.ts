/**
 * What the JUnit Platform console writes into a test case's `<system-out>` beside the code under
 * test's own output: a header with the test's display name, and `TestReporter` entries. Printed text
 * must never link a test to a requirement, so both count only under the strict conditions below.
 */
import { REQUIREMENT_PROPERTY_NAMES, type Property } from '../model/index.js';
import type { SuiteFrame } from './suite-frame.js';
import { detach } from './xml-text.js';

/**
 * The JUnit Platform console's legacy XML root `<testsuite>` (LegacyXmlReportWriter): these whole names
 * in this order, `hostname` only when the host has a name. Gradle writes the same names with
 * `timestamp hostname` before `time`.
 */
const CONSOLE_SUITE_ATTRIBUTES = ['name', 'tests', 'skipped', 'failures', 'errors', 'time', 'hostname', 'timestamp'];
const CONSOLE_SUITE_WITHOUT_HOST = CONSOLE_SUITE_ATTRIBUTES.filter((n) => n !== 'hostname');

/** Whether a root suite of these attribute names, in this order, is the JUnit Platform console's. */
export function isConsoleRootSuite(names: readonly string[]): boolean {
  const shape = names.length === CONSOLE_SUITE_ATTRIBUTES.length ? CONSOLE_SUITE_ATTRIBUTES : CONSOLE_SUITE_WITHOUT_HOST;
  return names.length === shape.length && names.every((n, i) => n === shape[i]);
}

/**
 * The display name of a case that the JUnit Platform console wrote, from the two lines it puts in the
 * case's first `<system-out>`: `unique-id: [engine:...]/...` and `display-name: ...`. Any other
 * producer's system-out holds what the code under test printed, and printed text must never link a
 * test to a requirement; so the header counts only in a report of the console's shape, in a case
 * straight inside its root suite, when the system-out is those two lines and nothing else, and the
 * unique-id names the case's own class and method.
 */
export function displayNameIn(systemOut: string, suite: SuiteFrame | undefined, classname: string, name: string): string | undefined {
  // The console names its root suite after the engine, Gradle after the test class.
  if (suite?.console !== true || suite.name === classname) return undefined;
  const m = /^unique-id: ([^\n]*)\n[ \t]*display-name: ([^\n]*)$/.exec(systemOut.trim());
  if (m === null || !namesTheCase(m[1]!, classname, name)) return undefined;
  return m[2]!.trim();
}

/** Segments a unique-id may have after the test's own, each adding `[n]` to its name (repetitions, parameters, dynamic tests). */
const INVOCATION_SEGMENTS = new Set(['test-template-invocation', 'dynamic-test', 'dynamic-container']);
/** Segments that name the test's method (Jupiter), or JUnit 4's test (Vintage). */
const METHOD_SEGMENTS = new Set(['method', 'test-factory', 'test-template', 'test']);

/**
 * Whether a unique-id (`[engine:junit-jupiter]/[class:a.B]/[nested-class:C]/[method:m(java.lang.String)]`)
 * names the case `a.B$C` › `m(String)`, as the console's legacy XML writes it: the class and its
 * nested classes joined by `$`, the method with its parameters' simple names, `[n]` per invocation.
 */
function namesTheCase(uniqueId: string, classname: string, name: string): boolean {
  const segments: [string, string][] = [];
  for (const raw of uniqueId.split('/')) {
    const m = /^\[([\w-]+):([^\]]*)\]$/.exec(raw);
    if (m === null) return false;
    let value: string;
    try {
      value = decodeURIComponent(m[2]!);
    } catch {
      return false;
    }
    segments.push([m[1]!, value]);
  }
  if (segments[0]?.[0] !== 'engine') return false;
  const classes: string[] = [];
  let k = 1;
  for (; k < segments.length && ['class', 'nested-class', 'runner'].includes(segments[k]![0]); k++) classes.push(segments[k]![1]);
  if (classes.length === 0 || classes.join('$') !== classname) return false;
  const method = segments[k];
  if (method === undefined || !METHOD_SEGMENTS.has(method[0])) return false;
  let expected = method[0] === 'test' ? method[1].replace(/\(.*$/s, '') : legacyMethodName(method[1]);
  for (k++; k < segments.length; k++) {
    const [type, value] = segments[k]!;
    if (!INVOCATION_SEGMENTS.has(type) || !/^#\d+$/.test(value)) return false;
    expected += `[${value.slice(1)}]`;
  }
  return expected === name;
}

/** `m(java.lang.String, a.B$C)` as the console's legacy XML names the method: `m(String, C)`. */
function legacyMethodName(method: string): string {
  const m = /^([^(]*)\((.*)\)$/s.exec(method);
  if (m === null) return method;
  const params = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((p) => p.trim().replace(/^.*[.$]/s, ''));
  return `${m[1]!}(${params.join(', ')})`;
}

/**
 * Requirement properties of JUnit Platform `TestReporter` entries, which the console writes into the
 * system-outs after the header one as `Report Entry #1 (timestamp: ...)` followed by `\t- key: value`
 * lines, for a case whose header counted (`displayNameIn`). A value is written as published, line
 * breaks and all, so the code under test can forge lines: only a system-out that is nothing but
 * entries numbered 1, 2, ... counts, only the first key of an entry, and nothing from the first
 * entry of captured output (`stdout`, `stderr`) on.
 */
export function reportEntriesIn(systemOuts: readonly string[]): Property[] {
  const out: Property[] = [];
  for (const raw of systemOuts) {
    const text = raw.trim();
    if (!REPORT_ENTRIES.test(text)) continue;
    const entries = text.split(/^(?=Report Entry #)/m);
    if (entries.some((e, i) => !e.startsWith(`Report Entry #${i + 1} `))) continue;
    for (const entry of entries) {
      const first = /^\t- ([^:\n]+): (.*)$/m.exec(entry);
      if (first === null) break;
      const name = first[1]!.trim();
      if (CAPTURED_OUTPUT.has(name.toLowerCase())) break;
      if (REQUIREMENT_PROPERTY_NAMES.has(name.toLowerCase())) out.push({ name: detach(name), value: detach(first[2]!.trim()) });
    }
  }
  return out;
}

/** Keys under which the JUnit Platform publishes what a test printed (output capture). */
const CAPTURED_OUTPUT: ReadonlySet<string> = new Set(['stdout', 'stderr']);

/** One or more `Report Entry #n (timestamp: ...)` lines, each followed by its `\t- key: value` lines. */
const REPORT_ENTRIES = /^(?:Report Entry #\d+ \(timestamp: [^)\n]*\)\n(?:\t- [^:\n]+: [^\n]*(?:\n|$))+\s*)+$/;
