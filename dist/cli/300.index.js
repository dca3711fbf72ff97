export const id = 300;
export const ids = [300];
export const modules = {

/***/ 39300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ALIAS_VALUES: () => (/* binding */ MAX_ALIAS_VALUES),
/* harmony export */   MAX_NESTING: () => (/* binding */ MAX_NESTING),
/* harmony export */   jsonTableReader: () => (/* binding */ jsonTableReader),
/* harmony export */   readJsonTables: () => (/* binding */ readJsonTables),
/* harmony export */   readYamlTables: () => (/* binding */ readYamlTables),
/* harmony export */   yamlTableReader: () => (/* binding */ yamlTableReader)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _blank_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65891);
/**
 * Reads a list kept as YAML or JSON: a list of entries, each a set of named fields, either at the top
 * level or under one key (e.g. `requirements:`). Both are read with the `yaml` package (JSON is YAML
 * 1.2 flow syntax), which knows the line of every value, refuses duplicate keys and keeps numbers as
 * written (`001`, `1.10`).
 *
 * A list is a file of the pull request, so its cost is bounded before it is parsed: a file that nests
 * more than `MAX_NESTING` levels is refused (the parser recurses once per level, and a few thousand
 * levels overflow the stack or abort the process), and so is one whose aliases (`*name`, repeating the
 * value of an anchor `&name`) add more than `MAX_ALIAS_VALUES` values (a "billion laughs" of ten
 * lines expands to millions).
 *
 * Pure: takes the file's name and text, returns data or throws user errors.
 */



/**
 * Most levels of lists and fields inside one another a list may have. A list of entries needs three
 * or four (the list, an entry, a field holding a list); nesting is counted before parsing.
 */
const MAX_NESTING = 64;
/** Most values the aliases of a list may add, all aliases together. */
const MAX_ALIAS_VALUES = 10_000;
/**
 * The tables of a YAML file: one per list of entries, wherever it stands (see `tablesOf`), each with
 * one row per entry and one column per field name (first spelling seen). The first is the root list,
 * or the first list of the root mapping.
 */
function readYamlTables(file, text, shape) {
    return tablesOf(file, parse(file, text, 'YAML'), shape);
}
/** The tables of a JSON file, as for YAML; the file must be JSON, not just YAML flow syntax. */
function readJsonTables(file, text, shape) {
    return tablesOf(file, parse(file, text, 'JSON'), shape);
}
/** The readers of YAML and JSON lists, for `read-table.ts`. */
const yamlTableReader = { format: 'yaml', read: readYamlTables };
const jsonTableReader = { format: 'json', read: readJsonTables };
/**
 * Every list of entries in the file, as a table. A list may stand at the top, under a key, under
 * groups of keys (`requirements: { dosing: [...], alarms: [...] }`), or inside an entry (`children:`,
 * sub-requirements): nested entries are entries too, and are read as rows of their own, each on its
 * line. A list of plain values under a key is a table of one column named by the key; a mapping whose
 * keys are IDs (`SRS-001: { title: ... }`) is a table whose ID column holds the keys. Which tables list
 * entries is decided by `read-table.ts`, by their columns, as for the tables of a Markdown file.
 * Throws when the file holds no list at all, or one entry set apart from any list (a lone mapping with
 * an ID inside another entry), which would be read as no entry.
 */
function tablesOf(file, root, shape) {
    const tables = [];
    /** A mapping that is not an entry: the root, a group of lists, or a field of an entry (`inEntry`). */
    const visitMap = (map, isRoot, inEntry) => {
        const keyed = [];
        for (const entry of map.entries) {
            const { key, value } = entry;
            // Keyed by ID: each key an entry, its value the fields (or, outside entries, the title).
            if (shape.isId?.((0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .collapseBlank */ .Gw)(key)) === true && (value.kind === 'map' || (!inEntry && value.kind === 'scalar') || value.kind === 'list')) {
                const line = entry.line ?? value.line;
                if (value.kind === 'list') {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the entry "${shorten((0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .collapseBlank */ .Gw)(key))}" holds a list, not fields; write its fields such as "title: ..." under it`, { file, line });
                }
                const id = { key: 'id', value: { kind: 'scalar', value: (0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .collapseBlank */ .Gw)(key), line }, line };
                const fields = value.kind === 'map' ? value.entries : value.value === '' ? [] : [{ key: 'title', value }];
                keyed.push({ kind: 'map', entries: [id, ...fields], line });
                continue;
            }
            if (value.kind === 'list')
                visitList(value, key, false, inEntry);
            else if (value.kind === 'map') {
                if (!isRoot)
                    refuseLoneEntry(value, key);
                visitMap(value, false, inEntry);
            }
        }
        const first = keyed[0];
        if (first !== undefined)
            tables.push(tableOf(file, keyed, first.line, true));
    };
    /** Nested entries that stand alone, not as an item of a list, are refused: they would be read as no entry. */
    const refuseLoneEntry = (map, key) => {
        const field = map.entries.find((e) => shape.isEntryKey(e.key) && e.value.kind === 'scalar' && shape.isId?.((0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .trimBlank */ .J2)(e.value.value)) === true);
        if (field === undefined || field.value.kind !== 'scalar')
            return;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the field "${shorten(key)}" holds one entry (${shorten((0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .trimBlank */ .J2)(field.value.value))}) by itself, which is not read; ` +
            'write nested entries as a list (each item starting with "- ", or in [ ]), or list the entry with the others', { file, line: map.line });
    };
    const visitList = (list, key, isRoot, inEntry) => {
        const maps = list.items.filter((i) => i.kind === 'map');
        if (maps.length === 0 && !isRoot) {
            // Plain values under a key of a group: one column. In an entry (`tests: [a, b]`) they are a cell, see `cellOf`.
            if (!inEntry && key !== undefined && list.items.length > 0 && list.items.every((i) => i.kind === 'scalar')) {
                const column = list.items.map((i) => ({ kind: 'map', entries: [{ key, value: i }], line: i.line }));
                tables.push(tableOf(file, column, list.line, false));
            }
            return;
        }
        tables.push({ ...tableOf(file, list.items, list.line, true), ...(inEntry ? { nested: true } : {}) });
        for (const map of maps)
            visitEntry(map);
    };
    /** The fields of an entry that hold further entries: lists of entries, also inside lists, and mappings. */
    const visitEntry = (map) => {
        for (const { key, value } of map.entries)
            if (shape.isReferenceKey?.(key) !== true)
                visitField(value, key);
    };
    const visitField = (value, key) => {
        if (value.kind === 'list') {
            if (value.items.some((i) => i.kind === 'map'))
                visitList(value, key, false, true);
            else
                for (const item of value.items)
                    visitField(item, key);
        }
        else if (value.kind === 'map') {
            refuseLoneEntry(value, key);
            visitMap(value, false, true);
        }
    };
    const shapeMessage = 'the file must hold a list of entries, either at the top level or under a key such as "requirements:"';
    if (root.kind === 'scalar')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${shapeMessage}; it holds a single value`, { file, line: root.line });
    if (root.kind === 'list')
        visitList(root, undefined, true, false);
    else {
        visitMap(root, true, false);
        if (tables.length === 0) {
            // Only lists of plain values, or none at all: the one list there is says what is wrong with it.
            const lists = root.entries.filter((e) => e.value.kind === 'list');
            const only = lists[0];
            if (lists.length === 1 && only !== undefined && only.value.kind === 'list')
                visitList(only.value, only.key, true, false);
            else {
                const keys = root.entries.map((e) => `"${e.key}"`).join(', ');
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${shapeMessage}; none of its keys (${keys || 'none'}) holds a list of entries`, { file, line: root.line });
            }
        }
    }
    return tables;
}
/** One table of the given items of a list (`entries`: report items that are not sets of fields). */
function tableOf(file, items, line, entries) {
    const problems = [];
    const maps = [];
    items.forEach((item, i) => {
        if (item.kind === 'map')
            maps.push(item);
        else if (entries) {
            problems.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`entry ${i + 1} is ${item.kind === 'list' ? 'a list' : item.value === '' ? 'empty' : `the value "${shorten(item.value)}"`}, ` +
                'not a set of named fields; write each entry as fields such as "id: SRS-001" and "title: ..."', { file, line: item.line }));
        }
    });
    // One column per key, named as first written; keys that differ only in case or spacing share it.
    const column = new Map();
    const headers = [];
    for (const map of maps) {
        for (const { key } of map.entries) {
            const normal = sameColumn(key);
            if (!column.has(normal)) {
                column.set(normal, headers.length);
                headers.push(key);
            }
        }
    }
    const rows = maps.map((map) => {
        const cells = headers.map(() => '');
        const keyOf = headers.map(() => undefined);
        for (const { key, value } of map.entries) {
            const i = column.get(sameColumn(key)) ?? 0;
            const cell = cellOf(value);
            const before = keyOf[i];
            if (before !== undefined && !isEmpty(cells[i]) && !isEmpty(cell)) {
                problems.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the entry has two fields "${before}" and "${key}" for the same column; keep only one`, {
                    file,
                    line: value.line,
                }));
                continue;
            }
            if (before === undefined || isEmpty(cells[i])) {
                cells[i] = cell;
                keyOf[i] = key;
            }
        }
        return { line: map.line, cells };
    });
    return { line, headers, rows, itemSeparator: ', ', problems };
}
/** Keys that differ only in case or spacing name the same column (as `normaliseColumnName` has it). */
function sameColumn(key) {
    return (0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .collapseBlank */ .Gw)(key).toLowerCase();
}
/** Scalars as written; a list of scalars as its items; anything nested as compact JSON. */
function cellOf(data) {
    if (data.kind === 'scalar')
        return data.value;
    if (data.kind === 'list' && data.items.every((i) => i.kind === 'scalar')) {
        return data.items.map((i) => (i.kind === 'scalar' ? i.value.trim() : '')).filter((v) => v !== '');
    }
    return JSON.stringify(plain(data));
}
function isEmpty(cell) {
    return cell === undefined || (typeof cell === 'string' ? (0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .trimBlank */ .J2)(cell) === '' : cell.length === 0);
}
function plain(data) {
    switch (data.kind) {
        case 'scalar':
            return data.value;
        case 'list':
            return data.items.map(plain);
        case 'map':
            return Object.fromEntries(data.entries.map((e) => [e.key, plain(e.value)]));
    }
}
function shorten(text) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
// ---------------------------------------------------------------------------------------------
// Parsing
function parse(file, text, language) {
    const json = language === 'JSON';
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    /** Line of an offset; an error at the very end is shown on the last line. */
    const lineAt = (offset) => lineCounter.linePos(Math.min(offset ?? 0, Math.max(text.length - 1, 0))).line;
    const tooDeep = (offset) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the ${language} nests too deeply: it nests more than ${MAX_NESTING} levels (lists and fields inside ` +
        'one another) by this line; a list of entries needs only a few levels, each entry a set of fields', { file, line: lineAt(offset) });
    let doc;
    try {
        doc = parseDocument(text, tooDeep, {
            lineCounter,
            prettyErrors: false,
            uniqueKeys: true,
            // JSON: a word outside quotes must be a number, true, false or null.
            schema: json ? 'json' : 'core',
            keepSourceTokens: json,
        });
    }
    catch (e) {
        // Only the yaml package's own refusal is about the file; anything else is a bug.
        if (!(e instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLError */ .IP))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot read the ${language}: ${messageOf(e)}`, { file });
    }
    const error = doc.errors[0];
    if (error !== undefined)
        throw syntaxError(file, text, language, doc, error, lineAt);
    if (json) {
        const comma = trailingComma(doc);
        if (comma !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('not valid JSON: a comma before "]" or "}" is not allowed in JSON; remove it', {
                file,
                line: lineAt(comma),
            });
        }
    }
    if (doc.contents === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the file holds no entries', { file });
    try {
        return toData(doc, file, language, lineAt);
    }
    catch (e) {
        // Only the yaml package's own refusal is about the file; anything else is a bug.
        if (!(e instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLError */ .IP))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`cannot read the ${language}: ${messageOf(e)}`, { file });
    }
}
/**
 * `parseDocument` of the `yaml` package (one document; a second one is an error), which refuses a file
 * that nests more than `MAX_NESTING` levels with `tooDeep(offset)` before the document is built: the
 * parser keeps a stack of its own, but building the document recurses once per level, and a few
 * thousand levels overflow the call stack (or abort the process). The levels are counted on the
 * parser's stack as it reads, so as the parser sees them: brackets, not those inside quotes, comments
 * or block scalars; block indentation; and the nesting it makes of lines it cannot read. Reading stops
 * at the first token that opens a level too many, so the cost stays linear.
 */
function parseDocument(text, tooDeep, options) {
    const parser = new NestingParser(tooDeep, options.lineCounter.addNewLine);
    let doc;
    for (const next of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Composer */ .Dk(options).compose(parser.parse(text), true, text.length)) {
        if (doc === undefined)
            doc = next;
        else {
            const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
            doc.errors.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
            break;
        }
    }
    // `compose(..., true)` gives a document even for an empty text.
    if (doc === undefined)
        throw new Error('the yaml package gave no document');
    return doc;
}
/** The parser of the `yaml` package, refusing a token that opens more than `MAX_NESTING` levels. */
class NestingParser extends yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX {
    tooDeep;
    constructor(tooDeep, onNewLine) {
        super(onNewLine);
        this.tooDeep = tooDeep;
    }
    *next(source) {
        const start = this.offset;
        yield* super.next(source);
        // The stack holds the document, the open lists and maps, and at most a value being read.
        if (this.stack.length > MAX_NESTING + 1 && levels(this.stack) > MAX_NESTING)
            throw this.tooDeep(start);
    }
}
/** How many of the parser's open tokens are lists or maps. */
function levels(stack) {
    let n = 0;
    for (const token of stack)
        if (yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.isCollection(token))
            n++;
    return n;
}
function syntaxError(file, text, language, doc, error, lineAt) {
    const prefix = `not valid ${language}:`;
    if (error.code === 'DUPLICATE_KEY') {
        const duplicate = duplicateKey(doc, error.pos[0]);
        if (duplicate !== undefined) {
            const where = language === 'JSON' ? 'one object' : 'one entry';
            const fix = language === 'JSON' ? 'keep only one' : 'keep only one, or start a new entry with "- "';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${prefix} the key "${duplicate.key}" appears twice in ${where} (first on line ${lineAt(duplicate.first)}); ${fix}`, { file, line: lineAt(error.pos[0]) });
        }
    }
    let reason = error.message.split('\n')[0]?.replace(/\s+at line \d+, column \d+:?$/, '') ?? error.code;
    if (language === 'JSON') {
        reason = reason.replace(/\bflow sequence\b/gi, 'array').replace(/\bflow map\b/gi, 'object');
        reason = reason.charAt(0).toUpperCase() + reason.slice(1);
        reason = reason.replace(/^Unresolved plain scalar (".*")$/, '$1 is not a JSON value, write text in double quotes');
    }
    // A quoted value left open runs to the end of the file, where the error is reported: name its start.
    const open = error.code === 'MISSING_CHAR' ? unclosedQuote(text) : undefined;
    if (open !== undefined) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${prefix} ${reason}; this quoted value is never closed, add the closing quote`, {
            file,
            line: lineAt(open),
        });
    }
    if (error.pos[0] >= text.trimEnd().length)
        reason += ', found the end of the file';
    const hint = language === 'JSON' ? 'check the commas, brackets and double quotes' : 'check the indentation and quoting';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${prefix} ${reason}; ${hint} on this line`, { file, line: lineAt(error.pos[0]) });
}
/** The key at `offset` that repeats a key of the same mapping, with the offset of the first one. */
function duplicateKey(doc, offset) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_, map) {
            const seen = new Map();
            for (const pair of map.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) || pair.key.range == null)
                    continue;
                const first = seen.get(pair.key.value);
                if (pair.key.range[0] === offset && first !== undefined) {
                    found = { key: String(pair.key.value), first };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                if (first === undefined)
                    seen.set(pair.key.value, pair.key.range[0]);
            }
            return undefined;
        },
    });
    return found;
}
/** Offset of a comma that closes a JSON array or object (`[1,]`), which YAML flow syntax allows. */
function trailingComma(doc) {
    const root = doc.contents;
    if (root === null || root.srcToken === undefined)
        return undefined;
    let found;
    yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.visit({ start: [], value: root.srcToken }, (item) => {
        if (item.key !== undefined || item.sep !== undefined || item.value !== undefined)
            return undefined;
        const comma = item.start.find((token) => token.type === 'comma');
        if (comma === undefined)
            return undefined;
        found = comma.offset;
        return yaml__WEBPACK_IMPORTED_MODULE_0__/* .CST */ .DB.visit.BREAK;
    });
    return found;
}
/** Offset of the first quoted scalar that has no closing quote, found in the YAML syntax tree. */
function unclosedQuote(text) {
    const closed = { 'double-quoted-scalar': /^"(?:[^"\\]|\\[\s\S])*"$/, 'single-quoted-scalar': /^'(?:[^']|'')*'$/ };
    let found;
    const walk = (x) => {
        if (found !== undefined || x === null || typeof x !== 'object')
            return;
        if (Array.isArray(x))
            return x.forEach(walk);
        const token = x;
        if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') &&
            typeof token.source === 'string' &&
            typeof token.offset === 'number' &&
            !closed[token.type].test(token.source.trimEnd())) {
            found = token.offset;
            return;
        }
        Object.values(x).forEach(walk);
    };
    try {
        for (const token of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX().parse(text))
            walk(token);
    }
    catch {
        return undefined;
    }
    return found;
}
function toData(doc, file, language, lineAt) {
    const targets = aliasTargets(doc);
    let fromAliases = 0;
    const convert = (node, depth, fallbackLine, alias) => {
        if (depth > 100) {
            // Nesting was checked before parsing: this deep only by aliases, for example one inside its own anchor.
            const why = language === 'YAML' ? ' (or its aliases refer to each other)' : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the ${language} nests too deeply${why}`, alias === undefined ? { file } : { file, line: alias.line });
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
            const here = alias ?? { name: node.source, line: node.range ? lineAt(node.range[0]) : fallbackLine };
            return convert(targets.get(node), depth + 1, fallbackLine, here);
        }
        if (alias !== undefined && ++fromAliases > MAX_ALIAS_VALUES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the ${language} aliases (such as *${alias.name} here) repeat more than ${thousands(MAX_ALIAS_VALUES)} values; ` +
                'a list needs no such repetition: write the values out instead of repeating them through aliases', { file, line: alias.line });
        }
        const range = node?.range;
        const line = range === undefined ? fallbackLine : lineAt(range[0]);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
            return { kind: 'scalar', value: scalarText(node.value, node.source), line };
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            return { kind: 'list', items: node.items.map((i) => convert(i, depth + 1, line, alias)), line };
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const entries = [];
            for (const pair of node.items) {
                const keyNode = pair.key;
                const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode)
                    ? scalarText(keyNode.value, keyNode.source)
                    : JSON.stringify(plain(convert(keyNode, depth + 1, line, alias)));
                const keyLine = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) && keyNode.range ? lineAt(keyNode.range[0]) : line;
                entries.push({ key, value: convert(pair.value, depth + 1, keyLine, alias), line: keyLine });
            }
            return { kind: 'map', entries, line };
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(node)) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node.key) ? scalarText(node.key.value, node.key.source) : String(node.key);
            return { kind: 'map', entries: [{ key, value: convert(node.value, depth + 1, line, alias) }], line };
        }
        return { kind: 'scalar', value: '', line };
    };
    return convert(doc.contents, 0, 1, undefined);
}
/**
 * The node each alias stands for: the last node before it with its anchor, as `Alias.resolve` has
 * it. Found in one walk of the document; `resolve` walks the whole document for every alias.
 */
function aliasTargets(doc) {
    const targets = new Map();
    const anchored = new Map();
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Node(_, node) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
                targets.set(node, anchored.get(node.source));
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) && node.anchor !== undefined)
                anchored.set(node.anchor, node);
        },
    });
    return targets;
}
/** A scalar as written: numbers keep their digits (`001`, `1.10`), null is empty. */
function scalarText(value, source) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    return source ?? String(value);
}
/** `10000` as `10,000`. */
function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
function messageOf(e) {
    return e instanceof Error ? e.message : String(e);
}


/***/ })

};
