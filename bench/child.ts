/**
 * The workloads the benchmark runs in child processes, bundled with ncc into one entry (each workload
 * loads only its own libraries, as a separate chunk). Usage: `node index.js <workload> <args...>`.
 * Prints one JSON line with in-process timings; peak RSS is taken by bench/probe.mjs at exit.
 *
 *   read <file>                  fs.readFileSync(file, 'utf8')
 *   xml-js <file>                read, then xml-js xml2js(text, { compact: true })
 *   xml2js <file>                read, then xml2js parseStringPromise(text)
 *   gate-parse <file>            read bytes, then the gate's decodeReport + parseJunit
 *   phases <requirements> <report...>   the gate's pipeline, phase by phase, with the heap kept after each
 *                                        (reports one at a time, as the action reads them)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

type Result = Record<string, unknown>;

const round = (ms: number): number => Math.round(ms * 10) / 10;

function timed<T>(into: Result, key: string, f: () => T): T {
  const t0 = performance.now();
  const v = f();
  into[key] = round(performance.now() - t0);
  return v;
}

async function timedAsync<T>(into: Result, key: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  into[key] = round(performance.now() - t0);
  return v;
}

/** Size of the heap still reachable, after a full collection when the child runs with --expose-gc. */
function keptMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return Math.round(((m.heapUsed + m.external) / 1e6) * 10) / 10;
}

async function main(argv: readonly string[]): Promise<Result> {
  const [workload, ...args] = argv;
  const file = args[0] ?? '';
  const out: Result = { workload };
  switch (workload) {
    case 'read': {
      const text = timed(out, 'readMs', () => fs.readFileSync(file, 'utf8'));
      out['chars'] = text.length;
      return out;
    }
    case 'xml-js': {
      const { xml2js } = await import('xml-js');
      const text = timed(out, 'readMs', () => fs.readFileSync(file, 'utf8'));
      const doc = timed(out, 'parseMs', () => xml2js(text, { compact: true }));
      out['topLevelKeys'] = Object.keys(doc).length;
      return out;
    }
    case 'xml2js': {
      const { parseStringPromise } = await import('xml2js');
      const text = timed(out, 'readMs', () => fs.readFileSync(file, 'utf8'));
      const doc = (await timedAsync(out, 'parseMs', () => parseStringPromise(text))) as object;
      out['topLevelKeys'] = Object.keys(doc).length;
      return out;
    }
    case 'gate-parse': {
      const { decodeReport } = await import('../src/junit/decode-report.js');
      const { parseJunit } = await import('../src/junit/parse-junit.js');
      const bytes = timed(out, 'readMs', () => fs.readFileSync(file));
      const text = timed(out, 'decodeMs', () => decodeReport(path.basename(file), bytes));
      const report = timed(out, 'parseMs', () => parseJunit(path.basename(file), text));
      out['cases'] = report.cases.length;
      return out;
    }
    case 'phases':
      return phases(args[0] ?? '', args.slice(1), out);
    default:
      throw new Error(`unknown workload "${String(workload)}"`);
  }
}

/**
 * The pipeline of src/run-gate.ts without the runner around it (no glob, no workflow commands): each phase
 * timed, and the heap still reachable after it, which is what the next phases carry along.
 */
async function phases(requirementsFile: string, reportFiles: readonly string[], out: Result): Promise<Result> {
  const { readRequirements } = await import('../src/catalogue/read-requirements.js');
  const { loadTableReader } = await import('../src/io/read-list.js');
  const listReader = await loadTableReader(requirementsFile);
  const { ReportDecoder } = await import('../src/junit/decode-report.js');
  const { newCaseParser } = await import('../src/junit/case-parser.js');
  const { JunitReader } = await import('../src/junit/report-reader.js');
  const { PIECE_BYTES } = await import('../src/io/files.js');
  const { GateRun } = await import('../src/evaluate.js');
  const { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } = await import('../src/trace/requirement-ids.js');
  const { evidenceJsonHead, TestRecordLines } = await import('../src/report/evidence.js');
  const { TestCsvRows } = await import('../src/report/tests-csv.js');
  const { renderSummary } = await import('../src/report/summary.js');
  const { renderMatrixCsv } = await import('../src/report/matrix-csv.js');
  const { renderEvidenceHtml } = await import('../src/report/html.js');

  const rows: { phase: string; ms: number; keptMb: number; note?: string }[] = [];
  const phase = <T>(name: string, f: () => T, note?: (v: T) => string): T => {
    const t0 = performance.now();
    const v = f();
    const ms = round(performance.now() - t0);
    rows.push({ phase: name, ms, keptMb: keptMb(), ...(note ? { note: note(v) } : {}) });
    return v;
  };
  rows.push({ phase: 'start (modules loaded)', ms: 0, keptMb: keptMb() });

  const list = phase(
    'requirements list',
    () => readRequirements({ file: path.basename(requirementsFile), text: fs.readFileSync(requirementsFile, 'utf8'), reader: listReader }),
    (l) => `${l.requirements.length} requirements`,
  );
  const pattern = DEFAULT_REQUIREMENT_PATTERN;
  const run = new GateRun({
    list,
    anomalyLists: [],
    pattern: compileRequirementPattern(pattern),
    idVariants: 'exact',
    policy: { untracedTests: 'fail' },
    provenance: { requirementsFile: list.file, requirementPattern: pattern },
    workspace: path.dirname(requirementsFile),
  });
  let cases = 0;
  let chars = 0;
  let readMs = 0;
  let decodeMs = 0;
  let parseMs = 0;
  let traceMs = 0;
  // One report at a time, as the action reads them: parsed, traced and written out (here: measured
  // and dropped) before the next.
  phase(
    'reports: read, decode, parse, trace, write out',
    () => {
      for (const file of reportFiles) {
        // In pieces, as the action reads a report (src/io/read-report.ts).
        const decoder = new ReportDecoder(path.basename(file));
        const reader = new JunitReader(path.basename(file), newCaseParser());
        const fd = fs.openSync(file, 'r');
        const buffer = Buffer.allocUnsafe(PIECE_BYTES);
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        for (;;) {
          const a = performance.now();
          const n = fs.readSync(fd, buffer, 0, buffer.length, null);
          const b = performance.now();
          const text = decoder.push(buffer.subarray(0, n), n === 0);
          const c = performance.now();
          reader.feed(text);
          t0 += b - a;
          t1 += c - b;
          t2 += performance.now() - c;
          if (n === 0) break;
        }
        fs.closeSync(fd);
        const e = performance.now();
        const report = reader.end();
        t2 += performance.now() - e;
        const t3 = performance.now();
        cases += report.cases.length;
        const lines = new TestRecordLines();
        const csv = new TestCsvRows();
        for (const t of run.add(report)) chars += lines.line(t).length + csv.row(t).length;
        const t4 = performance.now();
        readMs += t0;
        decodeMs += t1;
        parseMs += t2;
        traceMs += t4 - t3;
      }
    },
    () =>
      `${cases} cases; read ${Math.round(readMs)} ms, decode ${Math.round(decodeMs)} ms, parse ${Math.round(parseMs)} ms, ` +
      `trace + test lines ${Math.round(traceMs)} ms (${(chars / 1e6).toFixed(1)} M chars)`,
  );
  const outcome = phase('finish (judge, evidence, annotations)', () => run.finish(), (o) => `passed=${String(o.verdict.passed)}, ${o.annotations.length} annotations`);
  phase('render traceability.json head', () => evidenceJsonHead(outcome.evidence).length, (n) => `${(n / 1e6).toFixed(1)} M chars`);
  phase('render traceability.html', () => renderEvidenceHtml(outcome.evidence).length, (n) => `${(n / 1e6).toFixed(1)} M chars`);
  phase('render traceability.md (unbounded)', () => renderSummary(outcome.evidence, { budgetBytes: Number.POSITIVE_INFINITY }).length, (n) => `${(n / 1e6).toFixed(1)} M chars`);
  phase('render traceability.csv', () => renderMatrixCsv(outcome.evidence).length, (n) => `${(n / 1e6).toFixed(1)} M chars`);
  phase('render job summary (bounded)', () => Buffer.byteLength(renderSummary(outcome.evidence, { evidencePath: 'traceability.json' })), (n) => `${n} bytes`);
  out['phases'] = rows;
  return out;
}

const result = await main(process.argv.slice(2));
process.stdout.write(`${JSON.stringify(result)}\n`);
