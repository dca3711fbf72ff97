export const id = 300;
export const ids = [300];
export const modules = {

/***/ 39300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ALIAS_VALUES: () => (/* binding */ MAX_ALIAS_VALUES),
/* harmony export */   MAX_NESTING: () => (/* binding */ MAX_NESTING),
/* harmony export */   readJsonTable: () => (/* binding */ readJsonTable),
/* harmony export */   readYamlTable: () => (/* binding */ readYamlTable)
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
/** The table of a YAML file: one row per entry, one column per field name (first spelling seen). */
function readYamlTable(file, text) {
    return tableOf(file, parse(file, text, 'YAML'));
}
/** The table of a JSON file, as for YAML; the file must be JSON, not just YAML flow syntax. */
function readJsonTable(file, text) {
    return tableOf(file, parse(file, text, 'JSON'));
}
function tableOf(file, root) {
    const items = entriesOf(file, root);
    const problems = [];
    const maps = [];
    items.forEach((item, i) => {
        if (item.kind === 'map')
            maps.push(item);
        else {
            problems.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`entry ${i + 1} is ${item.kind === 'list' ? 'a list' : item.value === '' ? 'empty' : `the value "${shorten(item.value)}"`}, ` +
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
                problems.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`the entry has two fields "${before}" and "${key}" for the same column; keep only one`, {
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
    return { line: root.line, headers, rows, itemSeparator: ', ', problems };
}
/** Keys that differ only in case or spacing name the same column (as `normaliseColumnName` has it). */
function sameColumn(key) {
    return (0,_blank_js__WEBPACK_IMPORTED_MODULE_2__/* .collapseBlank */ .Gw)(key).toLowerCase();
}
/** The list of entries: the root list, or the one list held by the root object (e.g. `requirements:`). */
function entriesOf(file, root) {
    const shape = 'the file must hold a list of entries, either at the top level or under one key such as "requirements:"';
    if (root.kind === 'list')
        return root.items;
    if (root.kind === 'scalar')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${shape}; it holds a single value`, { file, line: root.line });
    const lists = root.entries.filter((e) => e.value.kind === 'list');
    const withObjects = lists.filter((e) => e.value.kind === 'list' && e.value.items.some((i) => i.kind === 'map'));
    const chosen = lists.length === 1 ? lists : withObjects;
    const only = chosen[0];
    if (chosen.length === 1 && only !== undefined && only.value.kind === 'list')
        return only.value.items;
    const keys = (chosen.length > 1 ? chosen : root.entries).map((e) => `"${e.key}"`).join(', ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(chosen.length > 1
        ? `${shape}; it holds several lists (${keys}), keep only one`
        : `${shape}; none of its keys (${keys || 'none'}) holds a list`, { file, line: root.line });
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
    const tooDeep = (offset) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`the ${language} nests too deeply: it nests more than ${MAX_NESTING} levels (lists and fields inside ` +
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
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read the ${language}: ${messageOf(e)}`, { file });
    }
    const error = doc.errors[0];
    if (error !== undefined)
        throw syntaxError(file, text, language, doc, error, lineAt);
    if (json) {
        const comma = trailingComma(doc);
        if (comma !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('not valid JSON: a comma before "]" or "}" is not allowed in JSON; remove it', {
                file,
                line: lineAt(comma),
            });
        }
    }
    if (doc.contents === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('the file holds no entries', { file });
    try {
        return toData(doc, file, language, lineAt);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read the ${language}: ${messageOf(e)}`, { file });
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${prefix} the key "${duplicate.key}" appears twice in ${where} (first on line ${lineAt(duplicate.first)}); ${fix}`, { file, line: lineAt(error.pos[0]) });
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${prefix} ${reason}; this quoted value is never closed, add the closing quote`, {
            file,
            line: lineAt(open),
        });
    }
    if (error.pos[0] >= text.trimEnd().length)
        reason += ', found the end of the file';
    const hint = language === 'JSON' ? 'check the commas, brackets and double quotes' : 'check the indentation and quoting';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${prefix} ${reason}; ${hint} on this line`, { file, line: lineAt(error.pos[0]) });
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`the ${language} nests too deeply${why}`, alias === undefined ? { file } : { file, line: alias.line });
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
            const here = alias ?? { name: node.source, line: node.range ? lineAt(node.range[0]) : fallbackLine };
            return convert(targets.get(node), depth + 1, fallbackLine, here);
        }
        if (alias !== undefined && ++fromAliases > MAX_ALIAS_VALUES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`the ${language} aliases (such as *${alias.name} here) repeat more than ${thousands(MAX_ALIAS_VALUES)} values; ` +
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
                entries.push({ key, value: convert(pair.value, depth + 1, keyLine, alias) });
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
