/** A `<testsuite>` while it is read, and the requirement properties its cases inherit from it. */
import type { Property, TestStatus, Totals } from '../model/index.js';

/** A `<testsuite>` being read. */
export interface SuiteFrame {
  readonly name: string;
  /** Line of its start tag in the report. */
  readonly line: number;
  readonly path: readonly string[];
  readonly file: string | undefined;
  /** Position in the report's cases of its first test case: those from here on are its own or its inner suites'. */
  readonly firstCase: number;
  /** How many cases of the report showed a failure (failed, errored, flaky) before it opened. */
  readonly shownFailuresBefore: number;
  /** A report the JUnit Platform console wrote, and this suite is its root (see console-output.ts). */
  readonly console: boolean;
  /** pytest writes `line` counted from 0. */
  readonly zeroBasedLines: boolean;
  /** A result written straight inside the suite (`<error>` of a class that did not load, a failed teardown). */
  result: SuiteResult | undefined;
  /** Whether an inner suite was found to declare tests it does not hold. */
  emptyBelow: boolean;
  /** Its requirement properties so far, and those of the suites around it. */
  properties: readonly Property[];
  /** Whether a test case or inner suite holds `properties`: more are then added to a copy. */
  propertiesShared: boolean;
  readonly declared: Totals;
  hasChildSuite: boolean;
  hasCase: boolean;
}

/** A result element written straight inside a `<testsuite>`, as kept until the suite ends. */
export interface SuiteResult {
  readonly status: TestStatus;
  /** The element's name, as written. */
  readonly element: string;
  /** Line of the element in the report. */
  readonly line: number;
  readonly message: string | undefined;
}

export const NO_SUITES: readonly string[] = [];
export const NO_PROPERTIES: readonly Property[] = [];

/** The properties a test case or inner suite inherits from `suite`. */
export function inheritedProperties(suite: SuiteFrame | undefined): readonly Property[] {
  if (suite === undefined) return NO_PROPERTIES;
  suite.propertiesShared = true;
  return suite.properties;
}

/**
 * Adds properties of a suite's `<properties>`: in place while nothing holds its list (so that many
 * `<properties>` in one suite cost time in proportion to their number), else to a copy.
 */
export function addSuiteProperties(suite: SuiteFrame, found: readonly Property[]): void {
  if (found.length === 0) return;
  if (suite.propertiesShared) {
    suite.properties = [...suite.properties, ...found];
    suite.propertiesShared = false;
  } else {
    const own = suite.properties as Property[];
    for (const p of found) own.push(p);
  }
}
