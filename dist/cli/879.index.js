export const id = 879;
export const ids = [879];
export const modules = {

/***/ 50879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ exportCommit),
/* harmony export */   findCheckout: () => (/* binding */ findCheckout)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22876);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _system_faults_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95422);
/**
 * The source of the release: the committed tree of one commit, exported by `git archive` (never the
 * working tree, so uncommitted changes and untracked files stay out, and `.gitattributes`
 * `export-ignore` is respected).
 */



/** The repository of the workspace and its HEAD commit: what was checked out, built and tested. */
async function findCheckout(workspace) {
    // One process for both: the top folder, then the commit, each on its own line.
    const r = await git(workspace, ['rev-parse', '--show-toplevel', '--verify', 'HEAD^{commit}']);
    const out = r.stdout.replace(/\n$/, '');
    const cut = out.lastIndexOf('\n');
    if (r.exitCode !== 0 || cut === -1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the workspace ${workspace} is not a Git checkout with a commit, so the source of the release cannot be archived (${firstLine(r.stderr)}); check the repository out with actions/checkout before this step${dubious(r.stderr)}`);
    }
    return { root: out.slice(0, cut).trim(), commit: out.slice(cut + 1).trim().toLowerCase() };
}
/**
 * Writes the tree of `commit` as an uncompressed tar to `tarFile`, every path under `prefix`.
 * `tar.umask` is fixed so that the modes do not depend on the user's Git configuration.
 */
async function exportCommit(root, commit, prefix, tarFile) {
    const r = await git(root, ['-c', 'tar.umask=0022', 'archive', '--format=tar', `--prefix=${prefix}`, `--output=${tarFile}`, commit]);
    if (r.exitCode !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`git archive could not export commit ${commit} from ${root}: ${firstLine(r.stderr)}${dubious(r.stderr)}`);
    }
}
async function git(cwd, args) {
    try {
        return await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('git', args, {
            cwd,
            silent: true,
            ignoreReturnCode: true,
            env: { ...stringEnv(process.env), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        });
    }
    catch (e) {
        if (!cannotStart(e))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`git could not be run in ${cwd} (${e.message}); the release archive needs git on the runner's PATH`);
    }
}
/**
 * Whether git could not be started, as @actions/exec reports it: not found on PATH or not executable
 * (@actions/io's `which`), the folder to run in gone, or the system refusing to start it. Anything else is a bug.
 */
function cannotStart(e) {
    if ((0,_system_faults_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSystemReason */ .aV)(e) !== undefined)
        return true;
    return e instanceof Error && (/^Unable to locate executable file: /.test(e.message) || /^The cwd: .* does not exist!$/s.test(e.message));
}
function stringEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}
function firstLine(text) {
    return text.trim().split(/\r?\n/)[0] || 'no message';
}
function dubious(stderr) {
    return /dubious ownership|safe\.directory/.test(stderr) ? ' (in a container, run `git config --global --add safe.directory "$GITHUB_WORKSPACE"` first)' : '';
}


/***/ })

};
