/** The choices a user makes about how strict the gate is. */

/** `fail`: a test that names no requirement fails the gate (the default); `warn`: it is reported only. */
export type UntracedTestsPolicy = 'fail' | 'warn';

/** `exact`: only what the requirement pattern matches counts; `loose`: spellings such as `SRS_004` or `TestSRS004` map onto the list's IDs too. */
export type IdVariants = 'exact' | 'loose';

export interface GatePolicy {
  readonly untracedTests: UntracedTestsPolicy;
}
