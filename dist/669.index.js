export const id = 669;
export const ids = [669,709];
export const modules = {

/***/ 24776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ compareByteOrder),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   sB: () => (/* binding */ renderManifest)
/* harmony export */ });
/**
 * MANIFEST.sha256: the SHA-256 of every regular file in the archive, in the format `sha256sum -c`
 * reads (`<64 hex>  <path>`), sorted by path, paths relative to the archive's root. Pure.
 */
const MANIFEST_FILE = 'MANIFEST.sha256';
/** Byte order of the UTF-8 encodings: the same order on every machine and in every locale. */
function compareByteOrder(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
function renderManifest(entries) {
    const sorted = [...entries].sort((a, b) => compareByteOrder(a.path, b.path));
    for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i];
        if (!/^[0-9a-f]{64}$/.test(e.sha256))
            throw new Error(`not a SHA-256: "${e.sha256}" for ${e.path}`);
        if (e.path === '' || e.path.startsWith('/') || e.path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
            throw new Error(`not a relative path: "${e.path}"`);
        }
        if (e.path === MANIFEST_FILE)
            throw new Error(`${MANIFEST_FILE} does not list itself`);
        if (i > 0 && sorted[i - 1].path === e.path)
            throw new Error(`listed twice: ${e.path}`);
    }
    return sorted.map(line).join('');
}
/**
 * One line. As GNU sha256sum writes it, a name holding a backslash, a line feed or a carriage return
 * is escaped (`\\`, `\n`, `\r`) and the line starts with a backslash, so that `sha256sum -c` reads
 * it back: raw, a line feed splits the line, and a carriage return ending a name is read as the
 * Windows end of line and dropped.
 */
function line(e) {
    if (/[\\\n\r]/.test(e.path))
        return `\\${e.sha256}  ${e.path.replace(/[\\\n\r]/g, (c) => ESCAPES[c])}\n`;
    return `${e.sha256}  ${e.path}\n`;
}
const ESCAPES = { '\\': '\\\\', '\n': '\\n', '\r': '\\r' };


/***/ }),

/***/ 9669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReleaseIncomplete: () => (/* binding */ ReleaseIncomplete),
  archivedLists: () => (/* binding */ archivedLists),
  release: () => (/* binding */ release)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/system-faults.ts
var system_faults = __webpack_require__(95422);
// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(53877);
;// CONCATENATED MODULE: ./src/release/approvals.ts
/**
 * Who approved the deployment of this run (IEC 62304 §5.8: how the release was created): the reviews
 * of the environments with required reviewers, from `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`.
 * Octokit loads only here. A run in no such environment has none; an answer that cannot be read is
 * recorded as unread with its reason, never as "no approval". The token never appears in a message.
 */

/** Longest comment kept from a review. */
const MAX_COMMENT = 2000;
async function readApprovals(token, env) {
    const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const runId = Number(env['GITHUB_RUN_ID']);
    if (!owner || !repo || !Number.isSafeInteger(runId) || runId <= 0)
        return unread('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set, so there is no run to read approvals of');
    if (token.trim() === '')
        return unread('input "github-token" is empty, so the approvals of the run could not be read; pass `github-token: ${{ github.token }}` and grant `actions: read`');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const api = env['GITHUB_API_URL'] ?? '';
    const octokit = getOctokit(token, api === '' ? {} : { baseUrl: api.replace(/\/+$/, '') });
    let data;
    try {
        data = (await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })).data;
    }
    catch (e) {
        const failure = (0,system_faults/* describeHttpFailure */.U4)(e, 'actions: read', 'the run was not found (404), or the token cannot see it');
        if (failure === undefined)
            throw e;
        return unread(`the approvals of run ${runId} could not be read: ${failure}`);
    }
    if (!Array.isArray(data))
        return unread('GitHub answered the approvals request with something other than a list');
    const reviews = data.map(toReview);
    if (reviews.some((r) => r === undefined))
        return unread('GitHub answered the approvals request with a review of an unknown shape');
    const known = reviews;
    if (known.length === 0)
        return { status: 'none', reason: null, reviews: [] };
    if (known.some((r) => r.state === 'approved'))
        return { status: 'approved', reason: null, reviews: known };
    return { status: 'unread', reason: 'no review approved the deployment', reviews: known };
}
function toReview(item) {
    if (typeof item !== 'object' || item === null)
        return undefined;
    const r = item;
    if (!Array.isArray(r.environments) || typeof r.state !== 'string')
        return undefined;
    const environments = r.environments.map((e) => (typeof e === 'object' && e !== null && typeof e.name === 'string' ? e.name : undefined));
    if (environments.some((e) => e === undefined))
        return undefined;
    const login = typeof r.user?.login === 'string' ? r.user.login : '(unknown user)';
    const comment = typeof r.comment === 'string' ? r.comment.slice(0, MAX_COMMENT) : '';
    return { environments: environments, reviewer: login, state: r.state, comment };
}
function unread(reason) {
    return { status: 'unread', reason, reviews: [] };
}

;// CONCATENATED MODULE: ./src/release/archive-time.ts

/** Largest time the gzip header can hold (unsigned 32-bit seconds: 2106-02-07). */
const MAX_EPOCH = 0xffff_ffff;
/**
 * `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/): a decimal
 * integer of seconds since 1970-01-01 UTC, as `date +%s` prints it. A malformed value is an error, as
 * the specification asks, never silently replaced. Otherwise the commit's committer time, cut to whole
 * seconds: never the clock, so the same commit and inputs give the same bytes in every run.
 */
function archiveTime(env, committed) {
    const raw = env['SOURCE_DATE_EPOCH'];
    if (raw === undefined || raw === '')
        return { date: new Date(Math.floor(committed.getTime() / 1000) * 1000), source: 'commit' };
    if (!/^[0-9]+$/.test(raw) || Number(raw) > MAX_EPOCH) {
        throw new errors/* UserError */.yo(`SOURCE_DATE_EPOCH is "${raw}"; it must be the whole number of seconds since 1970-01-01 UTC (as \`date +%s\` prints it, up to ${MAX_EPOCH}), for example the commit time: \`git log -1 --format=%ct\`. Unset it to use the commit's committer time.`);
    }
    return { date: new Date(Number(raw) * 1000), source: 'SOURCE_DATE_EPOCH' };
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/release/manifest.ts
var manifest = __webpack_require__(24776);
// EXTERNAL MODULE: ./src/release/provenance.ts
var provenance = __webpack_require__(75150);
;// CONCATENATED MODULE: ./src/release/build-info.ts



const BUILD_SCHEMA = 'iec62304-release-gate/build@2';
const BUILD_JSON = 'build.json';
const BUILD_MARKDOWN = 'BUILD.md';
const ACTION_NAME = 'iec62304-release-gate';
function buildInfo(input) {
    const { env, evidence } = input;
    // GitHub, GitLab or Jenkins: the same fields, from each CI's own variables.
    const ci = (0,provenance/* ciProvenance */.S)(env);
    const sha = ci.commit;
    return {
        schema: BUILD_SCHEMA,
        archive: input.archive,
        version: input.version.version,
        versionSource: input.version.source,
        created: input.time.date.toISOString(),
        timeSource: input.time.source,
        source: {
            repository: ci.repository,
            ref: ci.ref,
            commit: input.commit,
            eventCommit: sha !== null && sha.toLowerCase() !== input.commit.toLowerCase() ? sha : null,
        },
        workflow: {
            name: ci.workflow,
            ref: value(env, 'GITHUB_WORKFLOW_REF'),
            event: value(env, 'GITHUB_EVENT_NAME'),
            runId: ci.runId,
            runAttempt: ci.runAttempt,
            runUrl: ci.runUrl,
            actor: ci.actor,
        },
        runner: { os: value(env, 'RUNNER_OS'), arch: value(env, 'RUNNER_ARCH'), node: input.nodeVersion },
        action: { name: ACTION_NAME, version: input.actionVersion, repository: value(env, 'GITHUB_ACTION_REPOSITORY'), ref: value(env, 'GITHUB_ACTION_REF') },
        approval: input.approval,
        gate: {
            verdict: evidence.verdict,
            coverage: evidence.coverage,
            requirements: evidence.requirements.length,
            tests: evidence.totals.tests,
            evidenceSchema: evidence.schema,
        },
    };
}
/** The web address of a GitHub workflow run (kept here for the callers of build-info). */

/** Two-space indented JSON with one trailing newline: same input, same bytes. */
function renderBuildJson(info) {
    return `${JSON.stringify(info, null, 2)}\n`;
}
function renderBuildMarkdown(info) {
    const rows = [
        ['Archive', code(info.archive)],
        ['Version', `${code(info.version)} (${VERSION_SOURCE[info.versionSource]})`],
        ['Repository', code(info.source.repository)],
        ['Ref', code(info.source.ref)],
        ['Commit', code(info.source.commit)],
        ...(info.source.eventCommit !== null ? [['Commit of the event (GITHUB_SHA)', code(info.source.eventCommit)]] : []),
        ['Workflow', build_info_text(info.workflow.name)],
        ['Workflow file', code(info.workflow.ref)],
        ['Event', code(info.workflow.event)],
        ['Run', info.workflow.runUrl === null ? NOT_SET : `<${info.workflow.runUrl}>`],
        ['Run attempt', code(info.workflow.runAttempt)],
        ['Actor', build_info_text(info.workflow.actor)],
        ['Runner OS', code(info.runner.os)],
        ['Runner architecture', code(info.runner.arch)],
        ['Node.js', code(info.runner.node)],
        ['Built by', `${code(info.action.name)} ${code(info.action.version)}${info.action.repository === null ? '' : ` (${code(`${info.action.repository}@${info.action.ref ?? ''}`)})`}`],
        ['Time (UTC)', `${code(info.created)} (${info.timeSource === 'SOURCE_DATE_EPOCH' ? 'from SOURCE_DATE_EPOCH' : 'committer time of the commit'})`],
        ['Approval', approvalText(info.approval)],
        ['Gate verdict', code(info.gate.verdict)],
        ['Requirements verified', `${info.gate.coverage} % of ${info.gate.requirements}`],
        ['Tests', String(info.gate.tests)],
    ];
    return [
        `# Release ${(0,report_escape/* escapeMarkdown */.FV)(info.version)}`,
        '',
        'How this archive was built (IEC 62304 §5.8). The same facts are in `build.json`.',
        '',
        '| | |',
        '| --- | --- |',
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        '',
        '## Contents',
        '',
        '- `source/`: the tree of the commit above, as `git archive` exports it (files marked `export-ignore` in `.gitattributes` are left out; submodules are not included).',
        '- `evidence/`: the evidence files the release gate wrote (the traceability matrix, `tests.csv` with every test, its report, status, requirements, duration and flakiness, and the anomaly lists), the test reports (`reports/`) and the requirement and anomaly lists (`inputs/`) it read, at their paths in the workspace.',
        `- \`${BUILD_MARKDOWN}\`, \`${BUILD_JSON}\`: this description.`,
        `- \`${manifest/* MANIFEST_FILE */.h1}\`: the SHA-256 of every file above (symbolic links are kept as links and not hashed).`,
        '',
        '## Checking it',
        '',
        '```sh',
        `mkdir release && tar -xzf ${info.archive} -C release && cd release`,
        `sha256sum -c ${manifest/* MANIFEST_FILE */.h1}`,
        '```',
        '',
        'The source can be compared with the repository, in a clone of it:',
        '',
        '```sh',
        `mkdir source-check && git archive --format=tar ${info.source.commit} | tar -x -C source-check`,
        'diff -r --no-dereference source-check release/source',
        '```',
        '',
        'Every time in the archive (file times, the gzip header, the time above) is this one time (the commit\'s committer time unless SOURCE_DATE_EPOCH was set), so the same commit, inputs and run give the same bytes.',
        '',
    ].join('\n');
}
const NOT_SET = '(not set)';
/** Who approved which environment, or that no approval is recorded and why. */
function approvalText(a) {
    if (a.status === 'none')
        return 'no approval recorded: the job ran in no environment with required reviewers';
    const reviews = a.reviews.map((r) => `${r.state} by ${build_info_text(r.reviewer)} for ${r.environments.map((e) => code(e)).join(', ')}${r.comment === '' ? '' : ` (${build_info_text(r.comment.replace(/\s+/g, ' '))})`}`);
    if (a.status === 'approved')
        return `${reviews.join('; ')} (GitHub records no time of a review; the run's log has it)`;
    return `no approval recorded: ${build_info_text(a.reason ?? 'unknown')}${reviews.length === 0 ? '' : ` (${reviews.join('; ')})`}`;
}
const VERSION_SOURCE = {
    input: 'from the input `version`',
    'version-tag': 'the version tag on the commit',
    tag: 'from the tag of the ref',
    commit: 'short commit SHA',
};
function value(env, name) {
    const v = env[name];
    return v === undefined || v === '' ? null : v;
}
/** A machine value as a code span; text that cannot be one safely is escaped instead. */
function code(v) {
    if (v === null)
        return NOT_SET;
    return /^[^`|\r\n]+$/.test(v) ? `\`${v}\`` : (0,report_escape/* escapeMarkdown */.FV)(v);
}
function build_info_text(v) {
    return v === null ? NOT_SET : (0,report_escape/* escapeMarkdown */.FV)(v);
}

// EXTERNAL MODULE: ./src/release/git-source.ts
var git_source = __webpack_require__(50879);
;// CONCATENATED MODULE: ./src/release/release-asset.ts
/**
 * Attaches the release archive to a GitHub Release, where it stays as long as the release does
 * (artifacts expire). Octokit is loaded here, on first use. A same-name asset (422 already_exists,
 * for example from an earlier attempt of the run) is deleted and the upload repeated.
 */


/** GitHub refuses a release body longer than this (characters). */
const RELEASE_BODY_LIMIT = 125_000;
async function attachToRelease(o) {
    checkReleaseAccess(o.token, o.repository, o.tag);
    const [owner, repo] = o.repository.split('/');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const octokit = getOctokit(o.token, o.apiUrl !== undefined && o.apiUrl !== '' ? { baseUrl: o.apiUrl.replace(/\/+$/, '') } : {});
    let release;
    try {
        release = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: o.tag })).data;
    }
    catch (e) {
        if ((0,system_faults/* httpStatus */.nG)(e) === 404) {
            throw new errors/* UserError */.yo(`there is no published GitHub Release with the tag "${o.tag}" in ${o.repository} (input release-tag): create it before this step (for example \`gh release create ${o.tag}\`); a draft release is not found by its tag`);
        }
        throw new errors/* UserError */.yo(`the GitHub Release "${o.tag}" of ${o.repository} could not be read: ${apiFailure(e)}`);
    }
    const upload = () => octokit.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: release.id,
        url: release.upload_url,
        name: o.name,
        ...(o.label !== undefined ? { label: o.label } : {}),
        // The endpoint takes the raw bytes; octokit's type says string.
        data: o.data,
        headers: { 'content-type': o.contentType, 'content-length': o.data.byteLength },
    });
    let replaced = false;
    let asset;
    try {
        try {
            asset = (await upload()).data;
        }
        catch (e) {
            if (!alreadyExists(e))
                throw e;
            const assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: release.id });
            const old = assets.find((a) => a.name === o.name);
            if (old === undefined)
                throw e;
            await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: old.id });
            replaced = true;
            asset = (await upload()).data;
        }
    }
    catch (e) {
        throw new errors/* UserError */.yo(`the release archive could not be attached to the GitHub Release "${o.tag}" of ${o.repository}: ${apiFailure(e)}`);
    }
    let notesWritten = false;
    if (o.notes !== undefined && (release.body ?? '').trim() === '') {
        const body = o.notes.length <= RELEASE_BODY_LIMIT ? o.notes : `${o.notes.slice(0, RELEASE_BODY_LIMIT - 200)}\n\n… cut to GitHub's limit of a release body: the release archive holds release-notes.md whole.\n`;
        try {
            await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, body });
        }
        catch (e) {
            throw new errors/* UserError */.yo(`the release archive was attached, but the release notes could not be written as the body of the GitHub Release "${o.tag}" of ${o.repository}: ${apiFailure(e)}`);
        }
        notesWritten = true;
    }
    return { id: asset.id, name: asset.name, url: asset.browser_download_url, replaced, notesWritten };
}
/** The checks made before any request. */
function checkReleaseAccess(token, repository, tag) {
    if (token.trim() === '') {
        throw new errors/* UserError */.yo(`input "github-token" is empty, so the release archive cannot be attached to the GitHub Release "${tag}" (input release-tag); pass \`github-token: \${{ github.token }}\` and grant \`contents: write\``);
    }
    const [owner, repo, extra] = repository.split('/');
    if (!owner || !repo || extra !== undefined)
        throw new errors/* UserError */.yo(`the repository "${repository}" is not of the form owner/name (GITHUB_REPOSITORY)`);
}
function alreadyExists(e) {
    if ((0,system_faults/* httpStatus */.nG)(e) !== 422)
        return false;
    const errors = e.response?.data?.errors ?? [];
    return errors.some((x) => x.code === 'already_exists');
}
/** A known failure of the API in words; any other error (a bug) is rethrown as it is, with its stack. */
function apiFailure(e) {
    const failure = (0,system_faults/* describeHttpFailure */.U4)(e, 'contents: write', 'not found (404), or the token cannot see the repository');
    if (failure === undefined)
        throw e;
    return failure;
}

// EXTERNAL MODULE: ./src/release/summary.ts
var summary = __webpack_require__(67709);
;// CONCATENATED MODULE: ./src/release/platform.ts
/**
 * Facts about where the action runs, from the environment alone. Pure.
 */
/**
 * True on GitHub Enterprise Server, where the artifact service of @actions/artifact does not exist:
 * the host of GITHUB_SERVER_URL is not github.com, a GHE.com data-residency host (`*.ghe.com`) or a
 * `*.localhost` development host. The same rule as @actions/artifact's own check.
 */
function isGhes(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl === undefined || serverUrl === '' ? 'https://github.com' : serverUrl).hostname.toLowerCase();
    }
    catch {
        return true;
    }
    return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}
/** The artifact's page: `<server>/<owner>/<repo>/actions/runs/<run>/artifacts/<id>`, or undefined. */
function artifactUrl(env, id) {
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const repository = env['GITHUB_REPOSITORY'];
    const run = env['GITHUB_RUN_ID'];
    if (!repository || !run)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}/artifacts/${id}`;
}

;// CONCATENATED MODULE: ./src/release/upload-artifact.ts
/**
 * Uploads the release archive as one workflow artifact, the .tar.gz itself (`skipArchive`), not a zip
 * around it. @actions/artifact is loaded here, on first use, so a run that uploads nothing never pays
 * for it. Every known failure of the service is a UserError that names the archive left on the runner.
 */





/** Environment variables @actions/artifact reads from process.env. */
const ARTIFACT_ENV = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RESULTS_URL',
    'GITHUB_SERVER_URL',
    'GITHUB_RETENTION_DAYS',
    'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
    'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
];
/**
 * The checks made before any request: not on GitHub Enterprise Server (no artifact service of this
 * kind there), and the runtime token and results URL present (the runner gives them only to steps
 * that run an action with `uses:`, never to `run:` steps).
 */
function checkArtifactService(env) {
    if (isGhes(env['GITHUB_SERVER_URL'])) {
        throw new errors/* UserError */.yo(`workflow artifacts of this kind are not supported on GitHub Enterprise Server (${env['GITHUB_SERVER_URL']}), so the release archive cannot be uploaded as one: set \`upload: false\`, and keep the archive with \`release-tag\` (a GitHub Release) or a step of your own that reads the output archive-path`);
    }
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((n) => !env[n]);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set, so the release archive cannot be uploaded as an artifact: the runner gives ${missing.length === 1 ? 'it' : 'them'} only to steps that run the action with \`uses:\`, not to \`run:\` steps or scripts started by them; run the action with \`uses:\`, or set \`upload: false\``);
    }
}
async function uploadArtifact(file, options) {
    const { name, env } = options;
    checkArtifactService(env);
    // With skipArchive the artifact takes the file's name: upload a link named as the artifact.
    let upload = file;
    let linkDir;
    try {
        if (external_node_path_default().basename(file) !== name) {
            linkDir = await promises_default().mkdtemp(external_node_path_default().join(external_node_path_default().dirname(file), '.artifact-'));
            upload = external_node_path_default().join(linkDir, name);
            await promises_default().link(file, upload).catch(() => promises_default().copyFile(file, upload));
        }
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(351), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 18550));
        const response = await withEnv(env, () => new DefaultArtifactClient().uploadArtifact(name, [upload], external_node_path_default().dirname(upload), {
            skipArchive: true,
            ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
        }));
        if (response.id === undefined)
            throw new errors/* UserError */.yo(`the upload of the artifact "${name}" failed: the artifact service returned no artifact ID. The release archive was not uploaded; it is still on the runner at ${file}`);
        const url = artifactUrl(env, response.id);
        return { id: response.id, name, ...(url !== undefined ? { url } : {}), ...(response.size !== undefined ? { size: response.size } : {}) };
    }
    catch (e) {
        if ((0,errors/* isUserError */.iU)(e) || !isServiceFailure(e))
            throw e;
        throw new errors/* UserError */.yo(`${describe(e, name)}. The release archive was not uploaded; it is still on the runner at ${file}`);
    }
    finally {
        if (linkDir !== undefined)
            await promises_default().rm(linkDir, { recursive: true, force: true });
    }
}
/** Error names of @actions/artifact and of the blob storage client it uploads with. */
const SERVICE_ERRORS = new Set(['NetworkError', 'UsageError', 'InvalidResponseError', 'FilesNotFoundError', 'GHESNotSupportedError', 'RestError', 'AbortError']);
/**
 * Whether `e` is a failure of the artifact service as @actions/artifact reports it: one of its errors,
 * a request it gave up on (its Twirp client says `Failed to <method>: ...`), a stalled upload, the
 * network, or the archive's file. Anything else is a bug.
 */
function isServiceFailure(e) {
    if (!(e instanceof Error))
        return false;
    if (SERVICE_ERRORS.has(e.name))
        return true;
    if (/^Failed to \w+: /.test(e.message) || e.message === 'Upload progress stalled.')
        return true;
    return (0,system_faults/* isNetworkFailure */.NQ)(e) || (0,system_faults/* fileSystemReason */.aV)(e) !== undefined;
}
function describe(e, name) {
    const message = e instanceof Error ? e.message : String(e);
    const errorName = e instanceof Error ? e.name : '';
    if (/\(409\)/.test(message)) {
        return `an artifact named "${name}" already exists in this workflow run (409 Conflict): every artifact of a run needs its own name, so give this step a different \`artifact-name\` (in a matrix, include the matrix values)`;
    }
    if (errorName === 'UsageError')
        return `the artifact storage quota of the account is used up (${message.split('\n')[0]})`;
    if (/\((401|403)\)/.test(message))
        return `the artifact service refused the upload of "${name}" (${message})`;
    if (errorName === 'NetworkError')
        return `the artifact service could not be reached (${message.split('\n')[0]})`;
    return `the upload of the artifact "${name}" failed: ${message}`;
}
/**
 * @actions/artifact reads its settings from process.env. When the caller's environment is another
 * object, its values for those settings are put in place for the call and restored afterwards.
 */
async function withEnv(env, run) {
    if (env === process.env)
        return run();
    const saved = ARTIFACT_ENV.map((k) => [k, process.env[k]]);
    for (const k of ARTIFACT_ENV) {
        if (env[k] === undefined)
            delete process.env[k];
        else
            process.env[k] = env[k];
    }
    try {
        return await run();
    }
    finally {
        for (const [k, v] of saved) {
            if (v === undefined)
                delete process.env[k];
            else
                process.env[k] = v;
        }
    }
}

;// CONCATENATED MODULE: ./src/release/version.ts
/**
 * The version and name of the release archive. Pure: everything comes in as arguments.
 */
/** Length of the short commit SHA used when there is neither a version input nor a tag. */
const SHORT_SHA_LENGTH = 7;
/**
 * The `version` input when given, else the version tag the release-identity checks found on the commit
 * (`versionTag`), else the tag of the ref (`refs/tags/v1.2.0` -> `v1.2.0`), else the
 * short commit SHA. A tag is made safe for a file name: characters other than letters, digits, `.`,
 * `_`, `+` and `-` become `-` (`release/2.0` -> `release-2.0`).
 */
function resolveVersion(input, ref, commit, versionTag) {
    if (input !== undefined && input !== '')
        return { version: input, source: 'input' };
    if (versionTag !== undefined && versionTag !== '')
        return { version: safeNamePart(versionTag), source: 'version-tag' };
    const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
    if (tag !== '')
        return { version: safeNamePart(tag), source: 'tag' };
    if (!/^[0-9a-f]{7,64}$/i.test(commit))
        throw new Error(`not a commit SHA: "${commit}"`);
    return { version: commit.slice(0, SHORT_SHA_LENGTH).toLowerCase(), source: 'commit' };
}
/** The `archive-name` input when given, else the repository's name (`acme/pump` -> `pump`), else the fallback. */
function resolveArchiveName(input, repository, fallback) {
    if (input !== undefined && input !== '')
        return input;
    const name = repository?.split('/')[1] ?? '';
    return safeNamePart(name !== '' ? name : fallback);
}
/** `<archive-name>-<version>.tar.gz` */
function archiveFileName(archiveName, version) {
    return `${archiveName}-${version}.tar.gz`;
}
/** Text made safe as part of a file name (and an artifact name). */
function safeNamePart(text) {
    const safe = text.replace(/[^A-Za-z0-9._+-]/g, '-').replace(/^[.-]+/, '');
    return safe === '' ? 'release' : safe;
}

;// CONCATENATED MODULE: ./src/release/run-release.ts
/**
 * The release archive (IEC 62304 §5.8.4–5.8.8), for the caller to run after the gate passed: archive
 * the commit with its evidence, upload it as a workflow artifact, optionally attach it to a GitHub
 * Release, and say what was done. Nothing is built for a gate that did not pass.
 */















/** The inputs archived beside the reports: the requirement and anomaly lists, and the SOUP list and SBOMs as the check read them. */
function archivedLists(settings, evidence) {
    return [
        settings.requirements,
        ...(settings.anomalies !== undefined ? [settings.anomalies] : []),
        ...(evidence.soup !== undefined ? [evidence.soup.list, ...evidence.soup.sboms.map((s) => s.file)] : []),
    ];
}
/**
 * The release failed after its archive was written (the upload or the GitHub Release failed): the
 * archive stays on the runner, and the outputs still name it.
 */
class ReleaseIncomplete extends errors/* UserError */.yo {
    outputs;
    constructor(message, outputs) {
        super(message);
        this.outputs = outputs;
    }
}
async function release(args) {
    if (!args.passed || args.evidence.verdict !== 'pass') {
        throw new Error('the release archive is built only for a gate that passed');
    }
    const { settings, env } = args;
    const log = args.log ?? (() => undefined);
    const token = args.token ?? '';
    // Configuration mistakes are reported before anything is built.
    if (settings.upload)
        checkArtifactService(env);
    if (settings.releaseTag !== undefined)
        checkReleaseAccess(token, env['GITHUB_REPOSITORY'] ?? '', settings.releaseTag);
    archiveTime(env, new Date(0)); // a malformed SOURCE_DATE_EPOCH is refused before anything is read
    const checkout = await (0,git_source/* findCheckout */.I8)(args.workspace);
    // The tag and repository of the CI that runs the release (GitHub, GitLab, Jenkins), when there is one.
    const ci = (0,provenance/* ciProvenance */.S)(env);
    // Every time in the archive is SOURCE_DATE_EPOCH, else the commit's: the same commit gives the same bytes.
    const time = archiveTime(env, checkout.committed);
    const version = resolveVersion(settings.version, ci.ref ?? undefined, checkout.commit, args.evidence.provenance.tag);
    const archive = archiveFileName(resolveArchiveName(settings.archiveName, ci.repository ?? undefined, external_node_path_default().basename(checkout.root)), version.version);
    const approval = await readApprovals(token, env);
    if (approval.status === 'unread')
        log(`Approval not recorded: ${approval.reason ?? ''}`);
    const info = buildInfo({
        approval,
        env,
        commit: checkout.commit,
        version,
        archive,
        time,
        nodeVersion: args.nodeVersion ?? process.version,
        actionVersion: args.actionVersion,
        evidence: args.evidence,
    });
    const outputDir = external_node_path_default().resolve(args.workspace, args.outputDir ?? external_node_path_default().join(env['RUNNER_TEMP'] || external_node_os_default().tmpdir(), 'release-archive'));
    const scratch = env['RUNNER_TEMP'] || external_node_os_default().tmpdir();
    log(`Archiving commit ${checkout.commit} with its evidence as ${archive} (time ${time.date.toISOString()}${time.source === 'SOURCE_DATE_EPOCH' ? ' from SOURCE_DATE_EPOCH' : ''})`);
    // The archive writer (and node-tar) loads only once there is a checkout to archive.
    const { buildArchive } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(725)]).then(__webpack_require__.bind(__webpack_require__, 92725));
    const built = await buildArchive({
        checkout,
        workspace: args.workspace,
        evidenceDir: args.evidenceDir,
        evidenceFiles: args.evidenceFiles ?? Object.values(evidence/* EVIDENCE_FILES */.ob),
        reports: args.reports,
        lists: args.lists,
        generated: {
            [BUILD_MARKDOWN]: renderBuildMarkdown(info),
            [BUILD_JSON]: renderBuildJson(info),
        },
        time: time.date,
    }, external_node_path_default().join(outputDir, archive), scratch);
    log(`Release archive ${built.path}: ${built.size} bytes, ${built.files} files, SHA-256 ${built.sha256}`);
    let artifact;
    const outputs = () => ({
        'archive-path': built.path,
        'archive-sha256': built.sha256,
        'artifact-id': artifact === undefined ? '' : String(artifact.id),
        'artifact-url': artifact?.url ?? '',
    });
    // From here on the archive is on disk: a failure says so, and the outputs keep naming it.
    const incomplete = (e) => {
        if (!(0,errors/* isUserError */.iU)(e))
            throw e;
        const uploaded = artifact === undefined ? '' : ` (it was uploaded as the artifact ${artifact.name})`;
        const kept = e.message.includes(built.path) ? '' : `. The release archive is still on the runner at ${built.path}${uploaded}`;
        throw new ReleaseIncomplete(`${e.message}${kept}`, outputs());
    };
    if (settings.upload) {
        const name = settings.artifactName ?? archive;
        log(`Uploading ${archive} as the artifact ${name}`);
        artifact = await uploadArtifact(built.path, { name, env, ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}) }).catch(incomplete);
    }
    let releaseAsset;
    if (settings.releaseTag !== undefined) {
        // The release notes of the record become the release's body when it has none.
        const notes = await promises_default().readFile(external_node_path_default().join(args.evidenceDir, evidence/* EVIDENCE_FILES */.ob.releaseNotes), 'utf8').catch(() => undefined);
        log(`Attaching ${archive} to the GitHub Release ${settings.releaseTag}`);
        releaseAsset = await attachToRelease({
            token,
            ...(env['GITHUB_API_URL'] ? { apiUrl: env['GITHUB_API_URL'] } : {}),
            repository: env['GITHUB_REPOSITORY'] ?? '',
            tag: settings.releaseTag,
            name: archive,
            data: await promises_default().readFile(built.path).catch((e) => incomplete((0,system_faults/* fileSystemFault */.K9)(e, `the release archive ${built.path} could not be read back`) ?? e)),
            contentType: 'application/gzip',
            ...(notes !== undefined ? { notes } : {}),
        }).catch(incomplete);
        if (releaseAsset.notesWritten)
            log(`The GitHub Release ${settings.releaseTag} had no description: ${evidence/* EVIDENCE_FILES */.ob.releaseNotes} is now its body`);
    }
    return {
        archivePath: built.path,
        archive,
        sha256: built.sha256,
        size: built.size,
        version: version.version,
        commit: checkout.commit,
        ...(artifact !== undefined ? { artifact } : {}),
        ...(releaseAsset !== undefined ? { releaseAsset } : {}),
        outputs: outputs(),
        summary: (0,summary/* renderReleaseSummary */.i)({
            archive,
            sha256: built.sha256,
            path: built.path,
            ...(artifact !== undefined ? { artifact } : {}),
            ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}),
            ...(releaseAsset !== undefined ? { releaseAsset: { tag: settings.releaseTag, url: releaseAsset.url } } : {}),
        }),
    };
}


/***/ }),

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
