export const id = 488;
export const ids = [488];
export const modules = {

/***/ 15488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   newCaseParser: () => (/* binding */ newCaseParser)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41143);
/* harmony import */ var _parsed_tree_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86792);
/** fast-xml-parser, set up for a test case cut out of a report (see parsed-tree.ts); loaded on demand. */


/** Elements of a test case that fast-xml-parser must always give as arrays. */
const REPEATED = new Set([
    'failure',
    'error',
    'warning',
    'skipped',
    'flakyFailure',
    'flakyError',
    'rerunFailure',
    'rerunError',
    'property',
    'properties',
    'system-out',
    'testcase',
    'testsuite',
]);
function newCaseParser() {
    return new fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        // Attributes apart from elements: an unknown element inside a test case must not pass for an attribute.
        attributesGroupName: _parsed_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .ATTRIBUTES */ .iw,
        parseTagValue: false,
        parseAttributeValue: false,
        trimValues: false,
        processEntities: true,
        // Decodes numeric character references; named entities other than XML's five were refused by the scan.
        htmlEntities: true,
        isArray: (name) => REPEATED.has(name),
    });
}


/***/ })

};
