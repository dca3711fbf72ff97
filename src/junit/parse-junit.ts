import { UserError } from '../errors.js';
import type { Report } from '../model.js';
import { Scanner } from './report-scanner.js';

export { MAX_CAPTURED_TEXT, MAX_DEPTH, MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Reads one JUnit XML report. The text is scanned once, strictly (what XML 1.0 refuses is refused here,
 * with file and line). Each `<testcase>` is read as it is scanned: the usual shapes (results, output,
 * properties) straight from the scan, anything else cut out and parsed on its own with fast-xml-parser,
 * so memory stays bounded by what the gate keeps, not by the size of the document.
 */
export function parseJunit(file: string, text: string): Report {
  if (text.trim() === '') throw new UserError('the file is empty: a test report was expected', { file });
  return letGo(new Scanner(file).run(text));
}

/**
 * Reads one JUnit XML report fed in pieces of text, in order (as a file is read): the same report and
 * the same refusals as `parseJunit` on the whole text, holding only a window of it at a time. `feed`
 * each piece, then `end`; `pending` says how many characters wait for the rest of an item, so that the
 * next piece can be made at least that long.
 */
export class JunitReader {
  private readonly scanner: Scanner;

  constructor(file: string) {
    this.scanner = new Scanner(file);
  }

  get pending(): number {
    return this.scanner.pending;
  }

  feed(piece: string): void {
    if (piece !== '') this.scanner.feed(piece);
  }

  end(): Report {
    return letGo(this.scanner.end());
  }
}

/** The last successful match of a regular expression keeps its subject alive (RegExp.lastMatch); a match on an empty string lets the report's text go. */
function letGo(report: Report): Report {
  EMPTY.test('');
  return report;
}

const EMPTY = /(?:)/;
