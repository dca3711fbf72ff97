export const id = 778;
export const ids = [778];
export const modules = {

/***/ 93778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yamlDecisionFields: () => (/* binding */ yamlDecisionFields)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _change_decision_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51600);
/**
 * The fields of a significant-change decision written in YAML: a mapping of the fields
 * (`Significant change: yes`, `Decided by: ...`). Loaded only for a decision in YAML. Pure.
 */



function yamlDecisionFields(file, text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
    const lineAt = (offset) => lineCounter.linePos(Math.min(offset ?? 0, Math.max(text.length - 1, 0))).line;
    const error = doc.errors[0];
    if (error !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the significant-change decision is not valid YAML: ${error.message.split('\n')[0]}`, { file, line: lineAt(error.pos[0]) });
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the significant-change decision must be a YAML mapping of its fields ("Significant change: no", "Rationale: ...", "Decided by: ...", "Date: YYYY-MM-DD")', { file });
    const collector = new _change_decision_js__WEBPACK_IMPORTED_MODULE_2__/* .FieldCollector */ .sU();
    for (const pair of doc.contents.items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
            continue;
        const line = lineAt(pair.key.range?.[0]);
        const v = pair.value;
        // A boolean (`yes` in YAML 1.1 habits, `true`) and a date stay as written; a list or mapping is no field value.
        const value = v === null ? '' : (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v) ? (v.source ?? String(v.value ?? '')) : undefined;
        if (value === undefined) {
            if (collector.add(String(pair.key.value), '', line))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`"${String(pair.key.value)}" must be a single value, not a list or mapping`, { file, line });
            continue;
        }
        collector.add(String(pair.key.value), typeof value === 'string' ? value : String(value), line);
    }
    return collector.result();
}


/***/ })

};
