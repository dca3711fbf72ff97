/**
 * Conformance over the shared corpus of real JUnit reports: every well-formed file parses, every file
 * marked malformed is refused with a message that names it and a line, and the counts match the
 * expectations the source projects keep, under the counting rules each of them uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { Report, TestCase, TestStatus } from '../../src/model/index.js';
import { corpusDir, corpusOrSkip, corpusPresent, readTsv } from '../support/corpus.js';

// CI must have the corpus; a contributor's clone without it skips this file, saying so.
corpusOrSkip('the conformance tests over the corpus');

const manifest = corpusPresent ? readTsv(path.join(corpusDir, 'MANIFEST.tsv')) : [];
const expected = corpusPresent ? readTsv(path.join(corpusDir, 'EXPECTED.tsv')) : [];
const isMalformed = (notes: string): boolean => /NEGATIVE|NOT well-formed/.test(notes);

function read(local: string): Report {
  return parseJunit(local, decodeReport(local, fs.readFileSync(path.join(corpusDir, local))));
}

interface Counts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  suites: number;
}

function count(statuses: readonly TestStatus[], suites: number): Counts {
  const c: Counts = { tests: statuses.length, passed: 0, failed: 0, errors: 0, skipped: 0, suites };
  for (const s of statuses) {
    if (s === 'passed') c.passed++;
    else if (s === 'failed') c.failed++;
    else if (s === 'errored') c.errors++;
    else c.skipped++;
  }
  return c;
}

/** Suites that hold at least one test case (the reader gives the cases of one suite the same path array). */
function suitesWithCases(cases: readonly TestCase[]): number {
  return new Set(cases.filter((t) => t.suites.length > 0).map((t) => t.suites)).size;
}

/**
 * EnricoMi/publish-unit-test-result-action: unique tests (a test's runs fold to its worst outcome;
 * nameless cases stay apart); a report without cases falls back to the suites' attributes.
 */
function enricoMi(report: Report): Counts {
  if (report.cases.length === 0) {
    const d = report.declared;
    return { tests: d.tests, passed: d.passed, failed: d.failed, errors: d.errored, skipped: d.skipped, suites: report.suiteCount };
  }
  const rank: Record<TestStatus, number> = { errored: 3, failed: 2, passed: 1, skipped: 0 };
  const unique = new Map<string, TestStatus>();
  report.cases.forEach((c, i) => {
    const key = c.name === '' ? `#${i}` : `${c.file ?? ''}\u0000${c.classname}\u0000${c.name}`;
    const seen = unique.get(key);
    if (seen === undefined || rank[c.status] > rank[seen]) unique.set(key, c.status);
  });
  return count([...unique.values()], report.suiteCount);
}

/** dorny/test-reporter: every case; errors folded into failed; a suite is a `<testsuite>` holding cases. */
function dorny(report: Report): Counts {
  return count(
    report.cases.map((t) => (t.status === 'errored' ? 'failed' : t.status)),
    suitesWithCases(report.cases),
  );
}

describe.skipIf(!corpusPresent)('JUnit corpus', () => {
  it('has the files its manifest lists', () => {
    expect(manifest.length).toBeGreaterThan(250);
    for (const row of manifest) expect(fs.existsSync(path.join(corpusDir, row['local_path']!)), row['local_path']).toBe(true);
  });

  const wellFormed = manifest.filter((r) => !isMalformed(r['notes']!));
  const malformed = manifest.filter((r) => isMalformed(r['notes']!));

  it.each(wellFormed.map((r) => [r['local_path']!]))('parses %s', (local) => {
    const report = read(local);
    expect(report.file).toBe(local);
    for (const c of report.cases) {
      expect(['passed', 'failed', 'errored', 'skipped']).toContain(c.status);
      expect(c.report).toBe(local);
    }
  });

  it.each(malformed.map((r) => [r['local_path']!]))('refuses %s with the file and a line', (local) => {
    let error: unknown;
    try {
      read(local);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(e.file).toBe(local);
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/^\s*at /m);
  });

  const malformedFiles = new Set(malformed.map((r) => r['local_path']));
  const rows = expected.filter((r) => !r['source_of_expectation']!.includes('PARSE ERROR expected') && !malformedFiles.has(r['local_path']));
  it.each(rows.map((r) => [r['local_path']!, r]))('counts %s as its source expects', (local, row) => {
    const source = row['source_of_expectation']!.replace(/^"/, '');
    const report = read(local);
    let actual: Counts;
    let compared: (keyof Counts)[];
    if (source.startsWith('EnricoMi')) {
      actual = enricoMi(report);
      compared = ['tests', 'passed', 'failed', 'errors', 'skipped', 'suites'];
    } else if (source.startsWith('dorny')) {
      actual = dorny(report);
      compared = ['tests', 'passed', 'failed', 'skipped', 'suites'];
    } else if (source.startsWith('test-summary')) {
      // Errors folded into failed, suites that hold cases: the same rules as dorny's.
      actual = dorny(report);
      compared = ['passed', 'failed', 'skipped', 'suites'];
    } else if (source.startsWith('orta/danger-junit')) {
      actual = count(report.cases.map((t) => t.status), report.suiteCount);
      compared = ['passed', 'failed', 'errors', 'skipped'];
    } else {
      throw new Error(`no counting rule for ${source}`);
    }
    const want = Object.fromEntries(compared.map((k) => [k, Number(row[k])]));
    const got = Object.fromEntries(compared.map((k) => [k, actual[k]]));
    expect(got).toEqual(want);
  });

  it('refuses every file that the sources expect to fail', () => {
    const parseErrors = expected.filter((r) => r['source_of_expectation']!.includes('PARSE ERROR expected'));
    expect(parseErrors.length).toBeGreaterThan(0);
    for (const r of parseErrors) expect(() => read(r['local_path']!)).toThrow(UserError);
  });
});
