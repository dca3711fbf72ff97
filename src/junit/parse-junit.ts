import { UserError } from '../errors.js';
import type { Report } from '../model/index.js';
import { newCaseParser } from './case-parser.js';
import { JunitReader } from './report-reader.js';

export { JunitReader, type CaseParser } from './report-reader.js';

export { MAX_CAPTURED_TEXT, MAX_DEPTH, MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Reads one JUnit XML report whole: the same report and the same refusals as a `JunitReader` fed the
 * text in pieces. The text is scanned once, strictly (what XML 1.0 refuses is refused here, with file
 * and line). Each `<testcase>` is read as it is scanned: the usual shapes (results, output,
 * properties) straight from the scan, anything else cut out and parsed on its own with
 * fast-xml-parser, so memory stays bounded by what the gate keeps, not by the size of the document.
 * This module loads fast-xml-parser with it: the action reads its reports through `JunitReader`, which
 * is handed the parser only when a report needs it (io/read-report.ts).
 */
export function parseJunit(file: string, text: string): Report {
  if (text.trim() === '') throw new UserError('the file is empty: a test report was expected', { file });
  const reader = new JunitReader(file);
  reader.feed(text);
  reader.close();
  if (reader.waitsForCaseParser) reader.useCaseParser(newCaseParser());
  return reader.end();
}
