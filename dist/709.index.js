export const id = 709;
export const ids = [709];
export const modules = {

/***/ 67709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ renderReleaseSummary),
/* harmony export */   renderReleaseFailure: () => (/* binding */ renderReleaseFailure)
/* harmony export */ });
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55552);
/**
 * The paragraph of the job summary about the release archive. Pure.
 */


function renderReleaseSummary(r) {
    const lines = [`### Release archive`, '', `\`${r.archive}\` · SHA-256 \`${r.sha256}\``, ''];
    if (r.artifact !== undefined) {
        const name = r.artifact.url === undefined ? `\`${r.artifact.name}\`` : `[\`${r.artifact.name}\`](${r.artifact.url})`;
        const kept = r.retentionDays === undefined ? "for the repository's retention period" : `for ${r.retentionDays} ${r.retentionDays === 1 ? 'day' : 'days'}`;
        lines.push(`Uploaded as the workflow artifact ${name} (ID ${r.artifact.id}), kept ${kept}.`);
    }
    else {
        lines.push(`Not uploaded as an artifact (\`upload: false\`); it lies on the runner at \`${r.path}\` until the job ends.`);
    }
    if (r.releaseAsset !== undefined) {
        lines.push(`Attached to the GitHub Release \`${r.releaseAsset.tag}\`: <${r.releaseAsset.url}>.`);
    }
    else {
        lines.push('', `An artifact expires (after at most 90 days on public repositories and ${_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_RETENTION_DAYS */ .aT} on private ones), while the release archive of a medical device must be kept as long as the device is supported: attach it to a GitHub Release with the input \`release-tag\`, or copy it to your records system.`);
    }
    return `${lines.join('\n')}\n`;
}
/** Longest failure message quoted in the job summary. */
const FAILURE_LENGTH = 4000;
/** The paragraph of the job summary when the release failed after the gate passed: what failed, and what was done. */
function renderReleaseFailure(r) {
    const lines = ['### ❌ Release archive failed', '', (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(r.message, FAILURE_LENGTH)), ''];
    if (r.archive === undefined) {
        lines.push('No release archive was written: the release is not done.');
    }
    else {
        const uploaded = r.artifactId === undefined || r.artifactId === '' ? 'it was not uploaded' : `it was uploaded as the artifact with ID ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(r.artifactId)}`;
        lines.push(`The archive \`${r.archive.path.replace(/`/g, "'")}\` (SHA-256 \`${r.archive.sha256}\`) was written; ${uploaded}, and it lies on the runner until the job ends: the release is not done.`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
