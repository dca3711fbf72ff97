/** A test case and its outcome, as every report reader builds it. */

/** Outcome of one executed test case. */
export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** A name/value pair from a `<property>` element. */
export interface Property {
  readonly name: string;
  readonly value: string;
}

/** One `<testcase>` as the gate needs it: only what tracing, judging and reporting use. */
export interface TestCase {
  /** Report file the case came from, relative to the workspace. */
  readonly report: string;
  /** Names of the enclosing `<testsuite>` elements, outermost first. */
  readonly suites: readonly string[];
  readonly classname: string;
  readonly name: string;
  readonly status: TestStatus;
  /** Failed or errored first, then passed on a rerun (Surefire `flakyFailure`/`flakyError`). */
  readonly flaky: boolean;
  /** Seconds, 0 when the report does not say. */
  readonly time: number;
  /** Source file of the test, as written in the report (may be absolute), when known. */
  readonly file?: string;
  readonly line?: number;
  /** First failure/error/skip message, shortened. */
  readonly message?: string;
  /** Properties of the case (and of its enclosing suites) that can carry requirement IDs. */
  readonly properties: readonly Property[];
  /** Display name written by the JUnit Platform console into system-out (`display-name: ...`). */
  readonly displayName?: string;
}

/** Names of `<property>` elements (matched case-insensitively) whose values list requirement IDs. */
export const REQUIREMENT_PROPERTY_NAMES: ReadonlySet<string> = new Set(['requirement', 'requirements', 'verifies', 'covers']);
