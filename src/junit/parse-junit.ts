import { UserError } from '../errors.js';
import type { Report } from '../model.js';
import { Scanner } from './report-scanner.js';
import { findForbiddenChar, lineAt } from './xml-text.js';

export { MAX_CAPTURED_TEXT, MAX_DEPTH, MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Reads one JUnit XML report. The text is scanned once, strictly (what XML 1.0 refuses is refused here,
 * with file and line). Each `<testcase>` is read as it is scanned: the usual shapes (results, output,
 * properties) straight from the scan, anything else cut out and parsed on its own with fast-xml-parser,
 * so memory stays bounded by what the gate keeps, not by the size of the document.
 */
export function parseJunit(file: string, text: string): Report {
  if (text.trim() === '') throw new UserError('the file is empty: a test report was expected', { file });
  const forbidden = findForbiddenChar(text);
  if (forbidden !== -1) {
    throw new UserError(`the file contains the control character U+${hex4(text.charCodeAt(forbidden))}, which XML does not allow`, {
      file,
      line: lineAt(text, forbidden),
    });
  }
  const report = new Scanner(file, text).run();
  // The last successful match of a regular expression keeps its subject alive (RegExp.lastMatch);
  // a match on an empty string lets the report's text go.
  EMPTY.test('');
  return report;
}

const EMPTY = /(?:)/;

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
