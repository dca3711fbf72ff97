import { UserError } from '../errors.js';
import type { Report } from '../model/index.js';
import { prepareCaseParser } from './case-tree.js';
import { Scanner } from './report-scanner.js';

export { prepareCaseParser } from './case-tree.js';

export { MAX_CAPTURED_TEXT, MAX_DEPTH, MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Reads one JUnit XML report. The text is scanned once, strictly (what XML 1.0 refuses is refused here,
 * with file and line). Each `<testcase>` is read as it is scanned: the usual shapes (results, output,
 * properties) straight from the scan, anything else cut out and parsed on its own with fast-xml-parser,
 * so memory stays bounded by what the gate keeps, not by the size of the document. fast-xml-parser must
 * have been loaded (`prepareCaseParser`) for a report that needs it.
 */
export function parseJunit(file: string, text: string): Report {
  if (text.trim() === '') throw new UserError('the file is empty: a test report was expected', { file });
  return letGo(new Scanner(file).run(text));
}

/**
 * Reads one JUnit XML report fed in pieces of text, in order (as a file is read): the same report and
 * the same refusals as `parseJunit` on the whole text, holding only a window of it at a time. `feed`
 * each piece, then `end`; `pending` says how many characters wait for the rest of an item, so that the
 * next piece can be made at least that long. fast-xml-parser is loaded when a test case needs it.
 */
export class JunitReader {
  private readonly scanner: Scanner;

  constructor(file: string) {
    this.scanner = new Scanner(file);
  }

  get pending(): number {
    return this.scanner.pending;
  }

  async feed(piece: string): Promise<void> {
    if (piece !== '') this.scanner.feed(piece);
    await this.parserIfWaiting();
  }

  async end(): Promise<Report> {
    this.scanner.close();
    await this.parserIfWaiting();
    return letGo(this.scanner.end());
  }

  private async parserIfWaiting(): Promise<void> {
    while (this.scanner.waitsForParser) {
      await prepareCaseParser();
      this.scanner.resume();
    }
  }
}

/** The last successful match of a regular expression keeps its subject alive (RegExp.lastMatch); a match on an empty string lets the report's text go. */
function letGo(report: Report): Report {
  EMPTY.test('');
  return report;
}

const EMPTY = /(?:)/;
