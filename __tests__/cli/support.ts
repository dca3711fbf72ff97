/** Helpers of the command line's tests: a terminal that records, and a committed workspace with a report. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Terminal } from '../../src/cli/terminal.js';
import { commitAll } from '../support/git-repo.js';
import { makeWorkspace } from '../support/workspace.js';

export interface RecordingTerminal extends Terminal {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordingTerminal(colour = false): RecordingTerminal {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), colour };
}

export const REQUIREMENTS = '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n| SRS-002 | Alarm sounds |\n';

export function junit(cases: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="unit">${cases}</testsuite></testsuites>\n`;
}

export const PASSING = junit('<testcase classname="dose" name="SRS-001 computes the dose" time="0.1"/><testcase classname="alarm" name="SRS-002 sounds the alarm" time="0.1"/>');
export const FAILING = junit('<testcase classname="dose" name="SRS-001 computes the dose"/><testcase classname="alarm" name="SRS-002 sounds the alarm"><failure message="no sound"/></testcase>');

/** A Git checkout of one commit holding the requirements list and one report (the report committed too, as a CI would not). */
export function committedWorkspace(report: string = PASSING): { dir: string; commit: string } {
  const dir = makeWorkspace({ 'requirements.md': REQUIREMENTS, 'reports/unit.xml': report, 'src/dose.c': 'int dose(int mg) { return mg; }\n' });
  return { dir, commit: commitAll(dir) };
}

/** The files of a .tar.gz, extracted into a new folder. */
export function extract(archive: string): string {
  const dir = makeWorkspace({});
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  return dir;
}

/** A .tar.gz of a folder's contents (paths relative to it), as an auditor's copy that was tampered with would be. */
export function repack(folder: string, archive: string): void {
  const names = fs.readdirSync(folder);
  execFileSync('tar', ['--format=pax', '-czf', archive, '-C', folder, ...names]);
}

export function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}
