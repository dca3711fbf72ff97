/**
 * The validation record a user files (ISO 13485 §4.1.6): which version was validated, where, when, and
 * each case's expected and actual verdict; as Markdown and as a JUnit report. Pure.
 */
import { escapeMarkdown } from '../report/escape.js';
import type { ValidationCase } from './cases.js';

export interface CaseResult {
  readonly case: ValidationCase;
  readonly actual: 'pass' | 'fail' | 'error';
  /** The reason codes the gate gave, or the error. */
  readonly detail: readonly string[];
  readonly agrees: boolean;
  /** Seconds. */
  readonly time: number;
}

export interface ValidationRun {
  readonly version: string;
  readonly platform: string;
  readonly node: string;
  /** ISO 8601, UTC. */
  readonly date: string;
  readonly results: readonly CaseResult[];
}

export const RECORD_FILE = 'validation-record.md';
export const JUNIT_FILE = 'validation-junit.xml';

export function allAgree(run: ValidationRun): boolean {
  return run.results.length > 0 && run.results.every((r) => r.agrees);
}

function expectedText(c: ValidationCase): string {
  return c.expected === 'pass' ? 'pass' : `fail${c.reason !== undefined ? ` (${c.reason})` : ''}`;
}

export function renderRecord(run: ValidationRun): string {
  const agreed = run.results.filter((r) => r.agrees).length;
  const code = (t: string): string => `\`${t.replace(/[`|\r\n]/g, ' ')}\``;
  return [
    '# Validation record: IEC 62304 Release Gate',
    '',
    `**${allAgree(run) ? 'VALIDATED' : 'NOT VALIDATED'}**: ${agreed} of ${run.results.length} cases gave their expected verdict.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Tool | iec62304-release-gate ${code(run.version)} |`,
    `| Platform | ${code(run.platform)} |`,
    `| Node.js | ${code(run.node)} |`,
    `| Date (UTC) | ${code(run.date)} |`,
    '',
    '| Case | Kind | What it shows | Expected | Actual | Agrees |',
    '| --- | --- | --- | --- | --- | --- |',
    ...run.results.map(
      (r) =>
        `| ${r.case.id} | ${r.case.kind} | ${escapeMarkdown(r.case.title)} | ${expectedText(r.case)} | ${r.actual === 'error' ? `error: ${escapeMarkdown(r.detail.join(' '))}` : `${r.actual}${r.detail.length > 0 ? ` (${r.detail.join(', ')})` : ''}`} | ${r.agrees ? 'yes' : '**NO**'} |`,
    ),
    '',
    'Produced by `release-gate validate` (docs/validation.md says how to review and file it). Reviewed and',
    'accepted by: ______________________  Date: ____________',
    '',
  ].join('\n');
}

export function renderJunit(run: ValidationRun): string {
  const failures = run.results.filter((r) => !r.agrees).length;
  const time = run.results.reduce((t, r) => t + r.time, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="release-gate validate" tests="${run.results.length}" failures="${failures}" errors="0" time="${time.toFixed(3)}">`,
    `  <testsuite name="iec62304-release-gate ${xml(run.version)} validation" tests="${run.results.length}" failures="${failures}" errors="0" skipped="0" time="${time.toFixed(3)}" timestamp="${xml(run.date)}">`,
    '    <properties>',
    `      <property name="version" value="${xml(run.version)}"/>`,
    `      <property name="platform" value="${xml(run.platform)}"/>`,
    `      <property name="node" value="${xml(run.node)}"/>`,
    '    </properties>',
  ];
  for (const r of run.results) {
    const name = `${r.case.id} ${r.case.title} (expected ${expectedText(r.case)})`;
    const open = `    <testcase classname="validation.${r.case.kind}" name="${xml(name)}" time="${r.time.toFixed(3)}"`;
    if (r.agrees) lines.push(`${open}/>`);
    else lines.push(`${open}>`, `      <failure message="${xml(`expected ${expectedText(r.case)}, got ${r.actual}`)}">${xml(r.detail.join('\n'))}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
