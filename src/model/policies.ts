/** The choices a user makes about how strict the gate is. */

export interface GatePolicy {
  /** `fail`: a test that names no requirement fails the gate (default); `warn`: it is reported only. */
  readonly untracedTests: 'fail' | 'warn';
}
