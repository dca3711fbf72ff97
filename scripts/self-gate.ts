/**
 * The gate on this project: the test files that carry requirement IDs (docs/requirements.md) run with
 * vitest's JUnit reporter, for the bundled action to read. `npm run test:junit` runs every test so;
 * this script runs only the files that carry IDs, which is what the self-gate test needs and cheaper.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run-action.js';

/** The requirement IDs of this project, as the action's `requirement-pattern` input. */
export const SELF_PATTERN = '\\bRG-[0-9]{3}\\b';
export const SELF_REQUIREMENTS = 'docs/requirements.md';

/** Test files (relative to the repository) with a `describe` or `it` whose name carries an ID. */
export function filesWithIds(exclude: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith('.test.ts') && !exclude.includes(rel) && /\b(?:describe|it|test)\(\s*['"`]RG-[0-9]{3}\b/.test(fs.readFileSync(path.join(repoRoot, rel), 'utf8'))) out.push(rel);
    }
  };
  walk('__tests__');
  return out.sort();
}

/** Runs `files` with the JUnit reporter into `report`; vitest's exit status (1 when a test failed: the gate then says which). */
export function runWithJunit(files: readonly string[], report: string): number | null {
  const vitest = path.join(repoRoot, 'node_modules', '.bin', 'vitest');
  const r = spawnSync(vitest, ['run', '--reporter=junit', `--outputFile=${report}`, ...files], { cwd: repoRoot, encoding: 'utf8', env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
  return r.status;
}

// As a script: `tsx scripts/self-gate.ts <report.xml>`.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.join(repoRoot, 'scripts', 'self-gate.ts')) {
  const report = path.resolve(process.argv[2] ?? 'reports/self-gate.xml');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  process.exitCode = runWithJunit(filesWithIds(), report) ?? 1;
}
