import { readPiecesInsideWorkspace } from './files.js';
import { ReportDecoder } from '../junit/decode-report.js';
import { type CaseParser, JunitReader } from '../junit/report-reader.js';
import type { Report } from '../model/index.js';

/**
 * Reads one report file in pieces, shown in messages as `shown`: its bytes are decoded and scanned as
 * they come, so only a window of the text is held, however large the file.
 */
export async function readReport(file: string, shown: string, workspace: string): Promise<Report> {
  const decoder = new ReportDecoder(shown);
  const reader = new JunitReader(shown);
  // The next piece is at least twice what waits for the end of an item: a long item takes few reads.
  for await (const piece of readPiecesInsideWorkspace(file, workspace, 'the report', () => 2 * reader.pending)) {
    reader.feed(decoder.push(piece, false));
    if (reader.waitsForCaseParser) reader.useCaseParser(await loadCaseParser());
  }
  reader.feed(decoder.push(new Uint8Array(0), true));
  reader.close();
  if (reader.waitsForCaseParser) reader.useCaseParser(await loadCaseParser());
  return reader.end();
}

/**
 * fast-xml-parser, for a test case of a shape the scan does not read itself. Most reports have none,
 * so the action starts without it and loads it for the first report that does.
 */
async function loadCaseParser(): Promise<CaseParser> {
  return (await import('../junit/case-parser.js')).newCaseParser();
}
