/**
 * What the command line prints: the verdict, the counts, the reasons and warnings, for a terminal.
 * Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). Text from reports
 * and lists is untrusted: control characters are shown as `\u{..}`, so that a test's name cannot move
 * the cursor, rewrite a line or fake a verdict.
 */
import type { RunLog } from '../io/run-log.js';
import type { Evidence, Verdict } from '../model/index.js';
import { countsLine } from '../report/summary.js';

/** Where output goes; stdout for the result, stderr for progress and errors. */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  readonly colour: boolean;
}

/** The process's own streams, with colour as the streams and NO_COLOR allow. */
export function processTerminal(env: NodeJS.ProcessEnv): Terminal {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    colour: colourWanted(process.stdout.isTTY === true, env),
  };
}

/** Colour on a terminal only, and never with NO_COLOR set (to anything but empty) or a dumb terminal. */
export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return isTTY && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}

type Style = 'red' | 'green' | 'yellow' | 'bold' | 'dim';
const CODES: Readonly<Record<Style, [number, number]>> = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] };

export function paint(term: Terminal, style: Style, text: string): string {
  if (!term.colour) return text;
  const [on, off] = CODES[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

/** Untrusted text made inert for a terminal: every control character (ESC, CR, BEL, ...) shown by its code. */
export function inert(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** The run's progress on stderr: groups as headings, every line inert. */
export function terminalLog(term: Terminal): RunLog {
  return {
    group: async (name, work) => {
      term.err(paint(term, 'dim', `== ${name}`));
      return await work();
    },
    info: (text) => term.err(inert(text)),
    untrusted: (text) => term.err(inert(text)),
  };
}

/** Reasons listed on the terminal; the rest are counted (all are in the evidence). */
export const REASONS_SHOWN = 50;

/** The verdict for a terminal: a first line that says it, the counts, every reason and warning up to a bound, where the evidence is. */
export function renderTerminalSummary(term: Terminal, evidence: Evidence, verdict: Verdict, evidencePath: string): string[] {
  const counts = countsLine(evidence);
  const lines = [
    verdict.passed ? paint(term, 'green', paint(term, 'bold', 'PASSED: the release gate passed')) : paint(term, 'red', paint(term, 'bold', `FAILED: the release gate failed (${verdict.reasons.length} ${verdict.reasons.length === 1 ? 'reason' : 'reasons'})`)),
    inert(counts.requirements),
    inert(counts.rest),
  ];
  const list = (items: readonly { readonly code: string; readonly message: string }[], style: Style, label: string): void => {
    if (items.length === 0) return;
    lines.push('', paint(term, style, label));
    for (const r of items.slice(0, REASONS_SHOWN)) lines.push(`  - [${r.code}] ${inert(r.message)}`);
    if (items.length > REASONS_SHOWN) lines.push(`  - ... and ${items.length - REASONS_SHOWN} more: see ${inert(evidencePath)}`);
  };
  list(verdict.reasons, 'red', 'Reasons:');
  list(verdict.warnings, 'yellow', 'Warnings:');
  lines.push('', `Evidence: ${inert(evidencePath)}`);
  return lines;
}
