/**
 * Reports written by the real test runners (see __fixtures__/junit/README.md): every report parses, the
 * counts are what the suites were written to produce, and each test yields the requirement IDs it was
 * written to verify, including the variant spellings runners force on names (`id-variants: loose`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/junit/decode-report.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { TestCase } from '../../src/model/index.js';
import { buildVariantMatcher, compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN, idsOfTest } from '../../src/trace/requirement-ids.js';
import { repoRoot } from '../support/corpus.js';
import { readRequirements } from '../support/lists.js';

const root = path.join(repoRoot, '__fixtures__', 'junit');
const listFile = path.join(repoRoot, '__fixtures__', 'lists', 'requirements.md');
const list = readRequirements('requirements.md', fs.readFileSync(listFile, 'utf8'));
const matcher = { pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN), variants: buildVariantMatcher(list.requirements) };

interface Expected {
  producer: string;
  reports: string[];
  totals: { tests: number; passed: number; failed: number; errored: number; skipped: number };
  cases: { name: string; classname: string; status: string; ids: string[] }[];
}

const producers = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'expected.json')));

describe.each(producers)('%s', (producer) => {
  const expected = JSON.parse(fs.readFileSync(path.join(root, producer, 'expected.json'), 'utf8')) as Expected;
  const cases: TestCase[] = expected.reports.flatMap((report) => {
    const file = `${producer}/${report}`;
    return parseJunit(file, decodeReport(file, fs.readFileSync(path.join(root, file)))).cases;
  });

  it(`counts what ${expected.producer} ran`, () => {
    const totals = { tests: cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
    for (const c of cases) totals[c.status]++;
    expect(totals).toEqual(expected.totals);
  });

  it.each(expected.cases.map((c) => [`${c.classname} :: ${c.name}`, c]))('reads %s', (_label, want) => {
    const found = cases.filter((c) => c.name === want.name && c.classname === want.classname);
    expect(found).toHaveLength(1);
    expect(found[0]!.status).toBe(want.status);
    expect(idsOfTest(found[0]!, matcher)).toEqual([...want.ids].sort());
  });
});
