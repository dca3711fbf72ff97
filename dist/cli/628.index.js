export const id = 628;
export const ids = [628];
export const modules = {

/***/ 42628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   csvTableReader: () => (/* binding */ csvTableReader),
/* harmony export */   readCsvTable: () => (/* binding */ readCsvTable)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * Reads a CSV file (read with `csv-parse`): the first non-blank record is the header, every other
 * record a row, each with the line it starts on. The delimiter is a comma, a semicolon (as Excel
 * writes CSV in some locales) or a tab.
 *
 * Pure: takes the file's name and text, returns data or throws user errors.
 */


/**
 * The table of a CSV file. A row with more cells than the header is a problem of that row; a quoting
 * mistake, or a file without a header row, is thrown as a `UserError`.
 */
function readCsvTable(file, text) {
    const delimiter = detectDelimiter(text);
    const offsets = new ByteOffsets(text);
    const lines = new Lines(text);
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, {
            delimiter,
            info: true,
            relax_column_count: true,
            relax_quotes: true,
            skip_empty_lines: true,
            trim: true,
        });
    }
    catch (e) {
        // Only csv-parse's refusal is about the file; anything else is a bug.
        if (!(e instanceof csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .CsvError */ .J$))
            throw e;
        throw csvError(file, e, offsets, lines);
    }
    // The line each record starts on: the first non-blank character after the previous record.
    let previousEnd = 0;
    const located = records.map(({ record, info }) => {
        const start = firstNonBlank(text, offsets.charAt(previousEnd));
        previousEnd = info.bytes;
        return { record, line: lines.lineOf(start) };
    });
    const header = located.find(({ record }) => record.some((cell) => cell.trim() !== ''));
    if (header === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the file holds no table: the header row is missing', { file });
    const width = header.record.length;
    const rows = [];
    const problems = [];
    const delimiterName = delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
    for (const { record, line } of located.slice(located.indexOf(header) + 1)) {
        if (record.slice(width).some((cell) => cell.trim() !== '')) {
            problems.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the row has ${record.length} cells but the header has ${width}; ` +
                `enclose a cell that contains a ${delimiterName} in double quotes, or add the missing column to the header`, { file, line }));
        }
        rows.push({ line, cells: record.slice(0, width) });
    }
    return { line: header.line, headers: header.record, rows, itemSeparator: ', ', problems };
}
/** The reader of CSV lists, for `read-table.ts`. */
const csvTableReader = { format: 'csv', read: readCsvTable };
/** Comma, unless the header line has no comma outside quotes but semicolons (Excel in some locales) or tabs. */
function detectDelimiter(text) {
    const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
    const headerLine = firstLine.replace(/"[^"]*"/g, '');
    if (headerLine.includes(','))
        return ',';
    if (headerLine.includes(';'))
        return ';';
    if (headerLine.includes('\t'))
        return '\t';
    return ',';
}
function firstNonBlank(text, from) {
    let i = from;
    while (i < text.length && /\s/.test(text.charAt(i)))
        i++;
    return Math.min(i, Math.max(text.length - 1, 0));
}
function csvError(file, e, offsets, lines) {
    const num = (key) => (typeof e[key] === 'number' ? e[key] : undefined);
    const bytes = num('bytes');
    const recordStart = num('bytes_records');
    const hint = 'a cell that contains the delimiter, a double quote or a line break must be enclosed in double quotes, ' +
        'with each double quote inside it written twice ("")';
    const text = offsets.text;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED' && recordStart !== undefined) {
        const line = lines.lineOf(firstNonBlank(text, offsets.charAt(recordStart)));
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`a quoted cell in this row is never closed; add the closing double quote (${hint})`, { file, line });
    }
    const line = bytes !== undefined ? lines.lineOf(Math.min(offsets.charAt(bytes), Math.max(text.length - 1, 0))) : num('lines');
    const reason = e.message.replace(/\s+at line \d+/, '').replace(/^[^:]*:\s*/, '');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`not valid CSV: ${reason}; ${hint}`, line === undefined ? { file } : { file, line });
}
/** Converts the UTF-8 byte offsets csv-parse reports into character offsets of the text. */
class ByteOffsets {
    text;
    byte = 0;
    char = 0;
    constructor(text) {
        this.text = text;
    }
    charAt(byteOffset) {
        if (byteOffset < this.byte) {
            this.byte = 0;
            this.char = 0;
        }
        while (this.byte < byteOffset && this.char < this.text.length) {
            const code = this.text.codePointAt(this.char) ?? 0;
            this.byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
            this.char += code >= 0x10000 ? 2 : 1;
        }
        return this.char;
    }
}
/** Finds the 1-based line of a character offset. `\r\n`, `\r` and `\n` each end a line. */
class Lines {
    starts = [0];
    constructor(text) {
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                this.starts.push(i + 1);
            else if (c === 13) {
                if (text.charCodeAt(i + 1) === 10)
                    i++;
                this.starts.push(i + 1);
            }
        }
    }
    lineOf(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}


/***/ })

};
