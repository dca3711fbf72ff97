/** action.yml is what the runner reads: it must parse, and name exactly the inputs the code reads. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { readReleaseSettings } from '../src/release/settings.js';
import { readSettings } from '../src/settings.js';
import { DEFAULT_REQUIREMENT_PATTERN } from '../src/trace/requirement-ids.js';
import { repoRoot } from '../scripts/run-action.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}
const action = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'), { strict: true, uniqueKeys: true }) as ActionYml;

it('runs dist/index.js on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

it('declares every input the settings read, and no other, each with a description', () => {
  const read = new Set<string>();
  const source = (name: string): string => {
    read.add(name);
    return { reports: 'r.xml', requirements: 'req.md' }[name] ?? '';
  };
  readSettings(source);
  readReleaseSettings(source);
  expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  for (const [name, input] of Object.entries(action.inputs)) expect(input.description.length, name).toBeGreaterThan(10);
});

it('declares the outputs the README documents', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  for (const name of Object.keys(action.outputs)) expect(readme, name).toContain(`\`${name}\``);
  expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['passed', 'coverage', 'report-json']));
});

it('declares the default requirement pattern the code uses, as the README documents it', () => {
  expect(action.inputs['requirement-pattern']!.default).toBe(DEFAULT_REQUIREMENT_PATTERN);
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  expect(readme).toContain(`| \`requirement-pattern\` | no | \`${DEFAULT_REQUIREMENT_PATTERN.replace(/\|/g, '\\|')}\` |`);
});
