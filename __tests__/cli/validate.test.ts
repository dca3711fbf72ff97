/** `release-gate validate`: the built-in cases against this version, a record and a JUnit report, exit 0 only when all agree. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { validate } from '../../src/cli/validate.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import { VALIDATION_CASES } from '../../src/validation/cases.js';
import { renderRecord, type ValidationRun } from '../../src/validation/record.js';
import { makeWorkspace } from '../support/workspace.js';
import { recordingTerminal } from './support.js';

describe('RG-080 release-gate validate runs the known cases and exits 0 only when all agree', () => {
  it('every built-in case gives its expected verdict; the record and the JUnit report say so', async () => {
    const out = path.join(makeWorkspace({}), 'validation');
    const term = recordingTerminal();
    const code = await main(['validate', '--output-dir', out], {}, term);
    expect(code, term.stdout.join('\n')).toBe(0);
    expect(term.stdout).toContain(`VALIDATED: all ${VALIDATION_CASES.length} cases gave their expected verdict`);
    const kinds = new Set(VALIDATION_CASES.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['passing', 'failing', 'hostile']));

    const record = fs.readFileSync(path.join(out, 'validation-record.md'), 'utf8');
    expect(record).toContain('**VALIDATED**');
    expect(record).toMatch(/\| Tool \| iec62304-release-gate `\d+\.\d+\.\d+` \|/);
    expect(record).toContain(`| Node.js | \`${process.version}\` |`);
    for (const c of VALIDATION_CASES) expect(record).toContain(`| ${c.id} | ${c.kind} |`);

    const junit = fs.readFileSync(path.join(out, 'validation-junit.xml'), 'utf8');
    const report = parseJunit('validation-junit.xml', junit);
    expect(report.cases).toHaveLength(VALIDATION_CASES.length);
    expect(report.cases.every((c) => c.status === 'passed')).toBe(true);
  });

  it('a case that does not give its expected verdict fails the validation (exit 1), in the record and the JUnit report', async () => {
    const out = path.join(makeWorkspace({}), 'validation');
    const wrong = { ...VALIDATION_CASES[2]!, id: 'VAL-X', expected: 'pass' as const };
    const wrongReason = { ...VALIDATION_CASES[3]!, id: 'VAL-Y', reason: 'anomaly' as const };
    const term = recordingTerminal();
    const code = await validate({ outputDir: out, version: '9.9.9' }, term, [VALIDATION_CASES[0]!, wrong, wrongReason]);
    expect(code).toBe(1);
    expect(term.stdout).toContain('NOT VALIDATED: 2 of 3 cases did not give their expected verdict');
    expect(fs.readFileSync(path.join(out, 'validation-record.md'), 'utf8')).toContain('| VAL-X | failing | a failing test of a requirement | pass | fail (requirement-failed) | **NO** |');
    const report = parseJunit('validation-junit.xml', fs.readFileSync(path.join(out, 'validation-junit.xml'), 'utf8'));
    expect(report.cases.map((c) => c.status)).toEqual(['passed', 'failed', 'failed']);
  });

  it('the record as rendered', async () => {
    const run: ValidationRun = {
      version: '1.2.0',
      platform: 'linux 6.1.0 x64',
      node: 'v24.1.0',
      date: '2026-12-01T09:00:00.000Z',
      results: [
        { case: VALIDATION_CASES[0]!, actual: 'pass', detail: [], agrees: true, time: 0.01 },
        { case: VALIDATION_CASES[2]!, actual: 'fail', detail: ['requirement-failed'], agrees: true, time: 0.01 },
        { case: VALIDATION_CASES[8]!, actual: 'error', detail: ['reports/unit.xml:2: a | pipe'], agrees: false, time: 0.01 },
      ],
    };
    await expect(renderRecord(run)).toMatchFileSnapshot('./__golden__/validation-record.md');
  });
});
