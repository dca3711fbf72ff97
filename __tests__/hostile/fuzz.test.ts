/**
 * Property-based tests with fast-check, with a fixed seed so that a failure is reproducible: random
 * and mutated reports and lists never make a reader throw anything but a UserError (or UserErrors)
 * that names the file, a report the reader refuses always fails the gate, and what the reader
 * accepts has only the shapes the rest of the gate expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/run-action.js';
import { UserError, UserErrors } from '../../src/errors.js';
import { evaluate, type GateInput } from '../support/gate-run.js';
import { decodeReport } from '../../src/junit/decode-report.js';
import { parseJunit } from '../../src/junit/parse-junit.js';
import type { Report, Requirement } from '../../src/model/index.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from '../../src/trace/requirement-ids.js';
import { readAnomalies, readRequirements } from '../support/lists.js';

const SEED = 62304;
const FILE = 'reports/fuzz.xml';
const STATUSES = new Set(['passed', 'failed', 'errored', 'skipped']);

const junitDir = path.join(repoRoot, '__fixtures__', 'junit');
const realReports: { name: string; bytes: Buffer }[] = fs
  .readdirSync(junitDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(junitDir, d.name))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => ({ name: `${d.name}/${f}`, bytes: fs.readFileSync(path.join(junitDir, d.name, f)) })),
  );

/** Decodes and parses as the action does: the report, or the UserError; anything else is thrown on. */
function readReport(bytes: Uint8Array): Report | UserError {
  try {
    return parseJunit(FILE, decodeReport(FILE, bytes));
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

/** What the gate needs from a report: statuses it knows, strings where strings are promised. */
function checkShape(report: Report): void {
  for (const c of report.cases) {
    if (!STATUSES.has(c.status)) throw new Error(`status ${String(c.status)}`);
    for (const s of [c.name, c.classname, c.report, ...c.suites]) if (typeof s !== 'string') throw new Error(`not a string: ${String(s)}`);
    for (const p of c.properties) if (typeof p.name !== 'string' || typeof p.value !== 'string') throw new Error('property not a string');
    if (c.message !== undefined && typeof c.message !== 'string') throw new Error('message not a string');
    if (!Number.isFinite(c.time) || c.time < 0) throw new Error(`time ${c.time}`);
    if (c.line !== undefined && (!Number.isInteger(c.line) || c.line < 1)) throw new Error(`line ${c.line}`);
    if (typeof c.flaky !== 'boolean') throw new Error('flaky not a boolean');
  }
}

function checkRefusal(e: UserError): void {
  if (e.file !== FILE) throw new Error(`the error does not name the file: ${e.toString()}`);
  if (e.line !== undefined && (!Number.isInteger(e.line) || e.line < 1)) throw new Error(`line ${e.line}`);
  if (e.message.trim() === '') throw new Error('empty message');
}

const requirements: Requirement[] = ['SRS-001', 'SRS-002', 'SRS-003', 'SRS-004', 'SRS-005', 'SRS-006', 'SRS-007', 'SRS-008'].map((id, i) => ({ id, title: '', line: i + 3 }));

function gate(reports: readonly Report[], problems: readonly UserError[]): ReturnType<typeof evaluate> {
  const input: GateInput = {
    list: { file: 'requirements.md', requirements },
    reports,
    problems,
    pattern: compileRequirementPattern(DEFAULT_REQUIREMENT_PATTERN),
    idVariants: 'loose',
    policy: { untracedTests: 'warn' },
    provenance: { requirementsFile: 'requirements.md', requirementPattern: DEFAULT_REQUIREMENT_PATTERN },
    workspace: '/home/runner/work/pump/pump',
  };
  return evaluate(input);
}

/** One change to a byte string: delete, insert (random bytes or XML pieces), replace, flip, or repeat a range. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'replace'; at: number; length: number; bytes: Uint8Array }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'repeat'; at: number; length: number };

const XML_PIECES = [
  '<', '>', '/>', '</', '"', "'", '=', '&', ';', '&amp;', '&lt;', '&#10;', '&#x0;', '&x;', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>',
  '<!DOCTYPE x>', '<testcase name="SRS-009 x">', '</testcase>', '<testsuite>', '</testsuite>', '<failure/>', '<skipped/>', '<error>',
  '</error>', ' status="failed"', ' name="SRS-001 y"', '<system-out>display-name: SRS-002 z\n</system-out>', '\u0000', '\r', '\n', '\uFEFF',
].map((p) => new Uint8Array(Buffer.from(p, 'utf8')));

const insertBytes = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constantFrom(...XML_PIECES));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: insertBytes }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }), bytes: insertBytes }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

function mutate(original: Uint8Array, mutations: readonly Mutation[]): Buffer {
  let b = Buffer.from(original);
  for (const m of mutations) {
    const at = m.at % (b.length + 1);
    switch (m.kind) {
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
        break;
      case 'replace':
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at + m.length)]);
        break;
      case 'flip':
        if (at < b.length) b[at] = b[at]! ^ m.mask;
        break;
      case 'repeat':
        b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at, at + m.length), b.subarray(at + m.length)]);
        break;
    }
  }
  return b;
}

describe('reports: random input', () => {
  it('has the real reports to mutate', () => expect(realReports.length).toBeGreaterThanOrEqual(10));

  it('turns random text into a report or a UserError naming the file, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const r = readReport(Buffer.from(text, 'utf8'));
        if (r instanceof UserError) checkRefusal(r);
        else checkShape(r);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('turns random bytes into a report or a UserError naming the file, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = readReport(bytes);
        if (r instanceof UserError) checkRefusal(r);
        else checkShape(r);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('turns random sequences of XML pieces into a report or a UserError naming the file', () => {
    const piece = fc.oneof(fc.constantFrom(...XML_PIECES.map((p) => Buffer.from(p).toString('utf8'))), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const r = readReport(Buffer.from(`<testsuites><testsuite name="s">${pieces.join('')}`, 'utf8'));
        if (r instanceof UserError) checkRefusal(r);
        else checkShape(r);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('reports: mutations of real reports', () => {
  const arbitrary = fc.tuple(fc.constantFrom(...realReports), fc.array(mutation, { minLength: 1, maxLength: 4 }));

  it('never throws anything but a UserError naming the file, and what it accepts has the shapes the gate needs', () => {
    fc.assert(
      fc.property(arbitrary, ([original, mutations]) => {
        const r = readReport(mutate(original.bytes, mutations));
        if (r instanceof UserError) checkRefusal(r);
        else checkShape(r);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('fails the gate whenever the mutated report is refused, and never passes a report with a failing or erroring case', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([original, mutations]) => {
        const r = readReport(mutate(original.bytes, mutations));
        if (r instanceof UserError) {
          refused++;
          const outcome = await gate([], [r]);
          if (outcome.verdict.passed) throw new Error('the gate passed with an unreadable report');
          if (outcome.verdict.reasons[0]?.code !== 'unreadable-input' || !outcome.verdict.reasons[0].message.includes(FILE)) {
            throw new Error('the first reason does not name the unreadable report');
          }
          if (outcome.evidence.verdict !== 'fail') throw new Error('the evidence says pass');
        } else {
          accepted++;
          const outcome = await gate([r], []);
          const bad = r.cases.some((c) => c.status === 'failed' || c.status === 'errored');
          if (outcome.verdict.passed && (bad || r.cases.length === 0)) throw new Error('the gate passed a report with a failing case, or with none');
          if (outcome.verdict.passed !== (outcome.evidence.verdict === 'pass')) throw new Error('verdict and evidence disagree');
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
    // Both branches are exercised, or the property says little.
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(10);
  });
});

describe('requirement and anomaly lists', () => {
  const listsDir = path.join(repoRoot, '__fixtures__', 'lists');
  const lists = fs.readdirSync(listsDir).map((f) => ({ name: f, text: fs.readFileSync(path.join(listsDir, f), 'utf8') }));
  const EXTENSIONS = ['md', 'csv', 'yaml', 'json'] as const;

  type Read = (file: string, text: string) => { readonly file: string; readonly ids: readonly string[]; readonly lines: readonly (number | undefined)[] };
  const readers: [string, Read][] = [
    ['readRequirements', (file, text) => {
      const l = readRequirements(file, text);
      return { file: l.file, ids: l.requirements.map((r) => r.id), lines: l.requirements.map((r) => r.line) };
    }],
    ['readAnomalies', (file, text) => {
      const l = readAnomalies(file, text);
      return { file: l.file, ids: l.anomalies.map((a) => a.id), lines: l.anomalies.map((a) => a.line) };
    }],
  ];

  /** The reader's result or its errors; anything but UserError/UserErrors is thrown on. */
  function check(read: Read, file: string, text: string): void {
    let result: ReturnType<Read>;
    try {
      result = read(file, text);
    } catch (e) {
      if (e instanceof UserErrors) {
        if (e.errors.length === 0) throw new Error('UserErrors without an error', { cause: e });
        for (const err of e.errors) if (err.file !== file) throw new Error(`an error does not name the file: ${err.toString()}`, { cause: e });
        return;
      }
      if (e instanceof UserError) {
        if (e.file !== file) throw new Error(`the error does not name the file: ${e.toString()}`, { cause: e });
        return;
      }
      throw e;
    }
    if (result.file !== file) throw new Error('the list does not name its file');
    for (const id of result.ids) {
      if (id.trim() === '' || /\s/.test(id)) throw new Error(`an empty or white-space ID: ${JSON.stringify(id)}`);
    }
    if (new Set(result.ids).size !== result.ids.length) throw new Error('duplicate IDs');
    for (const line of result.lines) if (line !== undefined && (!Number.isInteger(line) || line < 1)) throw new Error(`line ${line}`);
  }

  it('has the list fixtures to mutate', () => expect(lists.length).toBeGreaterThanOrEqual(15));

  it.each(readers)('%s: random text in every format gives a list of real IDs or user errors naming the file', (_name, read) => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('SRS-001', 'ID', 'Title', '|', '\\|', '---', ' ', '"', ',', ';', '\t', '\n', '- ', ': ', '[', ']', '{', '}', '&', '*a', '&a', '<br>', '\u00a0', '\u200b'));
    fc.assert(
      fc.property(fc.constantFrom(...EXTENSIONS), fc.array(cell, { maxLength: 40 }), (ext, cells) => check(read, `lists/random.${ext}`, cells.join(''))),
      { seed: SEED, numRuns: 400 },
    );
  });

  it.each(readers)('%s: random strings of any characters give a list of real IDs or user errors naming the file', (_name, read) => {
    fc.assert(
      fc.property(fc.constantFrom(...EXTENSIONS), fc.string({ unit: 'grapheme', maxLength: 200 }), (ext, text) => check(read, `lists/random.${ext}`, text)),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each(readers)('%s: mutated real lists give a list of real IDs or user errors naming the file', (_name, read) => {
    const change = fc.oneof(
      fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 12 }), ins: fc.constantFrom('', '|', ' | ', '\n', '\r\n', '"', ',', ';', ':', '- ', '  ', '\t', '[', ']', '{', '}', '#', '&', '*', '!', '<br>', '---', '\u00a0', 'SRS-001') }),
      fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.string({ maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.array(change, { minLength: 1, maxLength: 5 }), (list, changes) => {
        let text = list.text;
        for (const c of changes) {
          const at = c.at % (text.length + 1);
          text = text.slice(0, at) + c.ins + text.slice(at + c.del);
        }
        check(read, `lists/${list.name}`, text);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
