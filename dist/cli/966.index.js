export const id = 966;
export const ids = [966,553];
export const modules = {

/***/ 85966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/system-faults.ts
var system_faults = __webpack_require__(95422);
// EXTERNAL MODULE: ./src/release/archive.ts + 1 modules
var archive = __webpack_require__(18553);
// EXTERNAL MODULE: ./src/release/manifest.ts
var manifest = __webpack_require__(24776);
// EXTERNAL MODULE: ./src/release/tar-reader.ts
var tar_reader = __webpack_require__(3644);
;// CONCATENATED MODULE: ./src/release/verify-archive.ts
/**
 * Checks a release archive years after it was built, with nothing but the archive: every regular file
 * against MANIFEST.sha256. Lists what differs: files whose bytes changed, files the manifest lists that
 * are not in the archive (or are no longer regular files), files in the archive it does not list, and
 * every line of the manifest that does not parse. The archive is read without being extracted (see
 * tar-reader.ts): nothing is written but one temporary uncompressed copy, removed afterwards.
 */











/** Verifies `archive` (.tar.gz as the gate writes it, or a plain .tar). */
async function verifyArchive(archive, scratch = external_node_os_default().tmpdir()) {
    const stat = await promises_default().stat(archive).catch((e) => {
        throw new errors/* UserError */.yo(`the archive ${archive} cannot be read: ${(0,system_faults/* fileSystemReason */.aV)(e) ?? String(e)}`, { file: archive });
    });
    if (!stat.isFile())
        throw new errors/* UserError */.yo(`${archive} is not a file; give the path of a release archive (.tar.gz)`, { file: archive });
    const folder = await promises_default().mkdtemp(external_node_path_default().join(scratch, 'release-gate-verify-'));
    try {
        const tar = external_node_path_default().join(folder, 'archive.tar');
        await unpack(archive, tar);
        let entries;
        try {
            entries = await (0,tar_reader/* readTarEntries */.E)(tar);
        }
        catch (e) {
            // A damaged archive is the auditor's finding, not a bug of the gate.
            throw new errors/* UserError */.yo(`${archive} is not a readable tar archive: ${e instanceof Error ? e.message : String(e)}`, { file: archive });
        }
        return await compare(entries);
    }
    finally {
        await promises_default().rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** gunzip when the file starts with the gzip magic bytes, else a plain tar copied as it is. */
async function unpack(archive, tar) {
    const head = Buffer.alloc(2);
    const handle = await promises_default().open(archive, 'r');
    try {
        await handle.read(head, 0, 2, 0);
    }
    finally {
        await handle.close();
    }
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    try {
        if (gzip)
            await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(archive), (0,external_node_zlib_.createGunzip)(), (0,external_node_fs_.createWriteStream)(tar));
        else
            await promises_default().copyFile(archive, tar);
    }
    catch (e) {
        if ((0,system_faults/* fileSystemReason */.aV)(e) !== undefined)
            throw new errors/* UserError */.yo(`the archive ${archive} could not be unpacked to a temporary file: ${e.message}`);
        throw new errors/* UserError */.yo(`${archive} is not a readable gzip file: ${e instanceof Error ? e.message : String(e)}`, { file: archive });
    }
}
async function compare(entries) {
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const manifestEntry = byPath.get(manifest/* MANIFEST_FILE */.h1);
    const manifestProblems = [];
    let listed = new Map();
    if (manifestEntry === undefined || manifestEntry.type !== 'file') {
        manifestProblems.push({ line: 0, message: `the archive holds no ${manifest/* MANIFEST_FILE */.h1} file at its root, so nothing in it can be verified` });
    }
    else {
        const text = await readEntry(manifestEntry);
        const parsed = parseManifest(text);
        listed = parsed.entries;
        manifestProblems.push(...parsed.problems);
    }
    const changed = [];
    const missing = [];
    let matched = 0;
    for (const [file, expected] of [...listed].sort(([a], [b]) => (0,manifest/* compareByteOrder */.QC)(a, b))) {
        const entry = byPath.get(file);
        if (entry === undefined)
            missing.push({ path: file, why: 'not in the archive' });
        else if (entry.type !== 'file')
            missing.push({ path: file, why: `in the archive as a ${entry.type === 'symlink' ? 'symbolic link' : 'folder'}, not a file` });
        else {
            const actual = await (0,archive/* sha256File */.Q3)(entry.source, { offset: entry.offset ?? 0, size: entry.size ?? 0 });
            if (actual === expected)
                matched++;
            else
                changed.push({ path: file, expected, actual });
        }
    }
    const extra = entries
        .filter((e) => e.type === 'file' && e.path !== manifest/* MANIFEST_FILE */.h1 && !listed.has(e.path))
        .map((e) => e.path)
        .sort(manifest/* compareByteOrder */.QC);
    const ok = manifestProblems.length === 0 && changed.length === 0 && missing.length === 0 && extra.length === 0 && matched > 0;
    return { matched, changed, missing, extra, manifestProblems, ok };
}
async function readEntry(entry) {
    const handle = await promises_default().open(entry.source, 'r');
    try {
        const buffer = Buffer.alloc(entry.size ?? 0);
        await handle.read(buffer, 0, buffer.length, entry.offset ?? 0);
        return buffer.toString('utf8');
    }
    finally {
        await handle.close();
    }
}
const UNESCAPE = { '\\\\': '\\', '\\n': '\n', '\\r': '\r' };
/**
 * MANIFEST.sha256 as `sha256sum` writes it: `<64 hex>  <path>`, or, for a name holding a backslash or
 * a line break, a leading backslash and the name escaped. Any other line, a path listed twice, or a
 * path that is not relative is a problem with its line number: a manifest the reader half understands
 * could hide a changed file.
 */
function parseManifest(text) {
    const entries = new Map();
    const problems = [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    else
        problems.push({ line: lines.length, message: 'the last line does not end with a line feed (the file may be cut short)' });
    if (lines.length === 0)
        problems.push({ line: 1, message: 'the manifest lists no file' });
    lines.forEach((raw, i) => {
        const line = i + 1;
        const m = /^(\\?)([0-9a-f]{64}) [ *](.+)$/.exec(raw);
        if (m === null) {
            problems.push({ line, message: `not a line of sha256sum ("<64 lower-case hex digits>  <path>"): ${JSON.stringify(raw.slice(0, 120))}` });
            return;
        }
        let file = m[3];
        if (m[1] === '\\') {
            if (/\\/.test(file.replace(/\\[\\nr]/g, ''))) {
                problems.push({ line, message: `an escaped name holds an unknown escape: ${JSON.stringify(file)}` });
                return;
            }
            file = file.replace(/\\[\\nr]/g, (c) => UNESCAPE[c]);
        }
        if (file.startsWith('/') || file.split('/').some((p) => p === '' || p === '.' || p === '..')) {
            problems.push({ line, message: `not a relative path inside the archive: ${JSON.stringify(file)}` });
            return;
        }
        if (entries.has(file)) {
            problems.push({ line, message: `${JSON.stringify(file)} is listed twice` });
            return;
        }
        entries.set(file, m[2]);
    });
    return { entries, problems };
}

// EXTERNAL MODULE: ./src/cli/check.ts + 7 modules
var check = __webpack_require__(21775);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(71028);
;// CONCATENATED MODULE: ./src/cli/verify.ts
/** `release-gate verify <archive>`: an archive against its MANIFEST.sha256, for an auditor, with nothing but the archive. */






async function verify(archives, term) {
    if (archives.length !== 1)
        throw new options/* UsageError */.eb(`verify takes one archive, ${archives.length === 0 ? 'none was given' : `${archives.length} were given`}: release-gate verify <archive.tar.gz>`);
    const archive = external_node_path_default().resolve(archives[0]);
    const v = await verifyArchive(archive);
    const shown = (0,terminal/* inert */.tJ)(archives[0]);
    for (const p of v.manifestProblems)
        term.out(`${manifest/* MANIFEST_FILE */.h1}${p.line > 0 ? `:${p.line}` : ''}: ${(0,terminal/* inert */.tJ)(p.message)}`);
    for (const c of v.changed)
        term.out(`changed: ${(0,terminal/* inert */.tJ)(c.path)} (SHA-256 ${c.actual}, the manifest says ${c.expected})`);
    for (const m of v.missing)
        term.out(`missing: ${(0,terminal/* inert */.tJ)(m.path)} (${m.why})`);
    for (const e of v.extra)
        term.out(`extra: ${(0,terminal/* inert */.tJ)(e)} (not listed in ${manifest/* MANIFEST_FILE */.h1})`);
    if (v.ok) {
        term.out((0,terminal/* paint */.nI)(term, 'green', `VERIFIED: ${shown}: all ${v.matched} files match ${manifest/* MANIFEST_FILE */.h1}`));
        return check/* EXIT */.dc.passed;
    }
    const counts = [`${v.changed.length} changed`, `${v.missing.length} missing`, `${v.extra.length} extra`, `${v.manifestProblems.length} manifest ${v.manifestProblems.length === 1 ? 'problem' : 'problems'}`];
    term.out((0,terminal/* paint */.nI)(term, 'red', `NOT VERIFIED: ${shown}: ${counts.join(', ')}; ${v.matched} files match`));
    return check/* EXIT */.dc.failed;
}


/***/ }),

/***/ 18553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildArchive: () => (/* binding */ buildArchive),
  Q3: () => (/* binding */ sha256File)
});

// UNUSED EXPORTS: EVIDENCE_DIR, SOURCE_DIR, archivedPaths

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/system-faults.ts
var system_faults = __webpack_require__(95422);
// EXTERNAL MODULE: ./src/workspace-path.ts
var workspace_path = __webpack_require__(59152);
// EXTERNAL MODULE: ./src/release/git-source.ts
var git_source = __webpack_require__(50879);
// EXTERNAL MODULE: ./src/release/manifest.ts
var manifest = __webpack_require__(24776);
// EXTERNAL MODULE: ./src/release/tar-reader.ts
var tar_reader = __webpack_require__(3644);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
;// CONCATENATED MODULE: ./src/release/tar-writer.ts
/**
 * A reproducible .tar.gz of a folder: entries in byte order of their paths, owner and group 0 with
 * empty names, modes normalised (0644 files, 0755 executables and folders, 0777 symbolic links), one
 * time for every entry and for the gzip header, no atime, ctime, device or inode numbers. The headers
 * are node-tar's (ustar, with a pax header for long or non-ASCII paths); the bytes depend only on the
 * entries given, never on the umask, the owner or the file times on disk.
 */








const BLOCK = 512;
/** Operating system byte of the gzip header: Unix, whichever system wrote it. */
const GZIP_OS_UNIX = 3;
/** Lists a folder as tar entries (every folder, file and symbolic link below it), in archive order. */
async function listEntries(root, isExecutable) {
    const out = [];
    async function walk(dir, rel) {
        for (const name of await promises_default().readdir(dir)) {
            const abs = external_node_path_default().join(dir, name);
            const r = rel === '' ? name : `${rel}/${name}`;
            const st = await promises_default().lstat(abs);
            if (st.isDirectory()) {
                out.push({ path: r, type: 'directory' });
                await walk(abs, r);
            }
            else if (st.isSymbolicLink()) {
                out.push({ path: r, type: 'symlink', linkpath: await promises_default().readlink(abs) });
            }
            else if (st.isFile()) {
                out.push({ path: r, type: 'file', source: abs, size: st.size, executable: isExecutable(r) });
            }
            else {
                throw new Error(`${r} is neither a file, a folder nor a symbolic link`);
            }
        }
    }
    await walk(root, '');
    return out.sort((a, b) => (0,manifest/* compareByteOrder */.QC)(a.path, b.path));
}
/** Writes the entries, in the order given, as a gzip-compressed tar to `file`. */
async function writeTarGz(entries, file, mtime) {
    const seconds = Math.floor(mtime.getTime() / 1000);
    const time = new Date(seconds * 1000);
    await (0,external_node_stream_promises_.pipeline)(blocks(entries, time), (0,external_node_zlib_.createGzip)({ level: 9 }), (0,external_node_fs_.createWriteStream)(file));
    // zlib leaves the gzip header's time at 0 and its OS byte to the platform: set both.
    const handle = await promises_default().open(file, 'r+');
    try {
        const header = Buffer.alloc(6);
        header.writeUInt32LE(seconds, 0);
        const current = Buffer.alloc(6);
        await handle.read(current, 0, 6, 4);
        header[4] = current[4]; // XFL, as zlib set it for the level
        header[5] = GZIP_OS_UNIX;
        await handle.write(header, 0, 6, 4);
    }
    finally {
        await handle.close();
    }
}
async function* blocks(entries, mtime) {
    for (const e of entries) {
        const size = e.type === 'file' ? (e.size ?? 0) : 0;
        const name = e.type === 'directory' ? `${e.path}/` : e.path;
        const header = new index_min/* Header */.Y9({
            path: name,
            mode: e.type === 'directory' ? 0o755 : e.type === 'symlink' ? 0o777 : e.executable ? 0o755 : 0o644,
            uid: 0,
            gid: 0,
            size,
            mtime,
            type: e.type === 'directory' ? 'Directory' : e.type === 'symlink' ? 'SymbolicLink' : 'File',
            ...(e.type === 'symlink' ? { linkpath: e.linkpath ?? '' } : {}),
            uname: '',
            gname: '',
        });
        if (header.encode()) {
            yield new index_min/* Pax */.un({ path: name, ...(e.type === 'symlink' ? { linkpath: e.linkpath ?? '' } : {}), mtime, uid: 0, gid: 0 }).encode();
        }
        yield header.block;
        if (e.type !== 'file' || size === 0)
            continue;
        let read = 0;
        const range = e.offset === undefined ? {} : { start: e.offset, end: e.offset + size - 1 };
        for await (const chunk of (0,external_node_fs_.createReadStream)(e.source, range)) {
            const b = chunk;
            read += b.length;
            if (read > size)
                break;
            yield b;
        }
        if (read !== size) {
            throw new errors/* UserError */.yo(`${e.path} changed while it was archived (${size} bytes expected, ${read} read): something else on the runner wrote to the gate's temporary files; run the job again`);
        }
        if (size % BLOCK !== 0)
            yield Buffer.alloc(BLOCK - (size % BLOCK));
    }
    yield Buffer.alloc(2 * BLOCK);
}

;// CONCATENATED MODULE: ./src/release/archive.ts
/**
 * Builds the release archive: `source/` (the commit, by git archive), `evidence/` (the gate's
 * evidence, the test record, the reports and lists it read), the generated files at the root, and
 * MANIFEST.sha256 over all of them; then one reproducible .tar.gz (see tar-writer.ts). `source/` is
 * never extracted: its entries are read from git's tar and copied from it, so a committed symbolic
 * link stays a link with its target as committed (absolute, climbing out, dangling: data, never
 * followed), and names the file system could not hold side by side stay apart.
 */













const SOURCE_DIR = 'source';
const EVIDENCE_DIR = 'evidence';
/**
 * Writes the archive to `target` (through a temporary name, so a failure leaves no partial archive
 * under the final name). `scratch` is a folder for the staging copy, removed afterwards.
 */
async function buildArchive(contents, target, scratch) {
    try {
        return await writeArchive(contents, target, scratch);
    }
    catch (e) {
        if ((0,errors/* isUserError */.iU)(e))
            throw new errors/* UserError */.yo(`${e.message}; no release archive was written (it would be ${target})`, e.file === undefined ? {} : { file: e.file });
        // Only a known failure of the file system is the runner's to fix; anything else is a bug.
        if ((0,system_faults/* fileSystemReason */.aV)(e) === undefined)
            throw e;
        throw new errors/* UserError */.yo(`the release archive ${target} could not be built: ${reason(e)}${(0,system_faults/* fileSystemFix */.np)(e, external_node_path_default().dirname(target))}`);
    }
}
async function writeArchive(contents, target, scratch) {
    await promises_default().mkdir(external_node_path_default().dirname(target), { recursive: true });
    await promises_default().mkdir(scratch, { recursive: true });
    const staging = await promises_default().mkdtemp(external_node_path_default().join(scratch, 'release-archive-'));
    const partial = `${target}.partial`;
    let files;
    try {
        files = await stage(contents, external_node_path_default().join(staging, 'root'), external_node_path_default().join(staging, 'source.tar'), partial);
        await promises_default().rename(partial, target);
    }
    catch (e) {
        await promises_default().rm(partial, { force: true });
        throw e;
    }
    finally {
        // Every step above is awaited to its end, so nothing writes in the staging folder any more. The
        // runner empties RUNNER_TEMP after the job: a folder left behind must not hide the outcome.
        await promises_default().rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
    const stat = await promises_default().stat(target);
    return { path: target, sha256: await sha256File(target), size: stat.size, files };
}
/** Lays the archive out in `root` and `sourceTar`, writes it to `file`; returns the number of files in the manifest. */
async function stage(contents, root, sourceTar, file) {
    await promises_default().mkdir(root);
    const source = await readSource(contents.checkout, sourceTar);
    await stageEvidence(contents, root);
    for (const [name, text] of Object.entries(contents.generated))
        await writeText(root, name, text);
    const files = [...source, ...(await listEntries(root, () => false))].filter((e) => e.type === 'file');
    const hashed = [];
    for (const e of files)
        hashed.push({ path: e.path, sha256: await sha256File(e.source, e.offset === undefined ? undefined : { offset: e.offset, size: e.size ?? 0 }) });
    await writeText(root, manifest/* MANIFEST_FILE */.h1, (0,manifest/* renderManifest */.sB)(hashed));
    const entries = [...source, ...(await listEntries(root, () => false))].sort((a, b) => (0,manifest/* compareByteOrder */.QC)(a.path, b.path));
    await writeTarGz(entries, file, contents.time);
    return files.length;
}
/**
 * `git archive` of the commit, every path under `source/`, written to `tarFile` and read as entries
 * that point into it (see tar-reader.ts): files with git's executable bit, folders, and symbolic
 * links exactly as committed.
 */
async function readSource(checkout, tarFile) {
    await (0,git_source/* exportCommit */._N)(checkout.root, checkout.commit, `${SOURCE_DIR}/`, tarFile);
    let entries;
    try {
        entries = await (0,tar_reader/* readTarEntries */.E)(tarFile);
    }
    catch (e) {
        // A name the archive cannot hold is the user's to fix; a tar git did not write right is a bug.
        if (!(0,errors/* isUserError */.iU)(e))
            throw e;
        throw new errors/* UserError */.yo(`the tree of commit ${checkout.commit} could not be read from the output of git archive: ${e.message}`);
    }
    if (!entries.some((e) => e.path === SOURCE_DIR))
        entries.push({ path: SOURCE_DIR, type: 'directory' });
    checkSourcePaths(entries, checkout.commit);
    return entries;
}
const KIND = { file: 'a file', directory: 'a folder', symlink: 'a symbolic link' };
/**
 * Refuses what a crafted tree could make git archive write and no release archive should hold: a
 * path outside `source/`, an empty, `.` or `..` component, a path twice, or an entry below a file or
 * a symbolic link (extracting it would write through the link).
 */
function checkSourcePaths(entries, commit) {
    const kinds = new Map();
    const committed = (p) => JSON.stringify(p.slice(SOURCE_DIR.length + 1));
    for (const e of entries) {
        const parts = e.path.split('/');
        if (parts[0] !== SOURCE_DIR || parts.some((p) => p === '' || p === '.' || p === '..')) {
            throw new errors/* UserError */.yo(`commit ${commit} holds the path ${JSON.stringify(e.path)}, which the release archive cannot hold (it must be relative, without empty, "." or ".." parts)`);
        }
        const before = kinds.get(e.path);
        if (before !== undefined) {
            throw new errors/* UserError */.yo(`commit ${commit} holds ${committed(e.path)} twice, as ${KIND[before]} and as ${KIND[e.type]}; the release archive can hold a path once`);
        }
        kinds.set(e.path, e.type);
    }
    for (const e of entries) {
        const parts = e.path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const above = parts.slice(0, i).join('/');
            const kind = kinds.get(above);
            if (kind !== undefined && kind !== 'directory') {
                throw new errors/* UserError */.yo(`commit ${commit} holds ${committed(e.path)} below ${committed(above)}, which is ${KIND[kind]}; the release archive cannot hold both, since extracting it would write through ${KIND[kind]}`);
            }
        }
    }
}
async function stageEvidence(c, root) {
    const copies = new Map();
    for (const name of c.evidenceFiles) {
        const from = external_node_path_default().join(c.evidenceDir, name);
        const st = await promises_default().stat(from).catch(() => undefined);
        if (st?.isFile())
            copies.set(`${EVIDENCE_DIR}/${toPosix(name)}`, from);
    }
    for (const [folder, files, what] of [
        ['reports', c.reports, 'test report'],
        ['inputs', c.lists, 'list'],
    ]) {
        const inside = files.map((f) => inWorkspace(f, c.workspace, what));
        archivedPaths(inside, folder).forEach((to, i) => copies.set(`${EVIDENCE_DIR}/${to}`, external_node_path_default().resolve(c.workspace, files[i])));
    }
    await promises_default().mkdir(external_node_path_default().join(root, EVIDENCE_DIR), { recursive: true });
    for (const [to, from] of copies) {
        const dest = external_node_path_default().join(root, ...to.split('/'));
        await promises_default().mkdir(external_node_path_default().dirname(dest), { recursive: true });
        try {
            await promises_default().copyFile(from, dest);
        }
        catch (e) {
            if ((0,system_faults/* fileSystemReason */.aV)(e) === undefined)
                throw e;
            throw new errors/* UserError */.yo(`${from} could not be copied into the release archive: ${reason(e)}`);
        }
    }
}
/**
 * Where workspace files go under `evidence/`: in `folder`, at their workspace paths, less a first
 * folder of the same name, so that `reports/unit.xml` is `reports/unit.xml`, not `reports/reports/unit.xml`.
 * When that would give two files one place (`reports/a.xml` and `a.xml`), every path is kept whole.
 */
function archivedPaths(files, folder) {
    const prefix = `${folder}/`;
    const short = files.map((f) => `${prefix}${f.startsWith(prefix) ? f.slice(prefix.length) : f}`);
    return new Set(short).size === new Set(files).size ? short : files.map((f) => `${prefix}${f}`);
}
/** The path of a workspace file relative to the workspace, `/`-separated. */
function inWorkspace(file, workspace, what) {
    const rel = (0,workspace_path/* pathInside */._)(workspace, file);
    if (rel === undefined || rel === '') {
        throw new errors/* UserError */.yo(`the ${what} ${file} lies outside the workspace ${workspace}; the release archive holds only files of the workspace`);
    }
    return rel;
}
async function writeText(root, file, text) {
    const dest = external_node_path_default().join(root, ...file.split('/'));
    await promises_default().mkdir(external_node_path_default().dirname(dest), { recursive: true });
    if (typeof text === 'string')
        await promises_default().writeFile(dest, text);
    else
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(text), (0,external_node_fs_.createWriteStream)(dest));
}
/** The SHA-256 of a file, or of `range.size` bytes of it from `range.offset` on. */
async function sha256File(file, range) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (range === undefined)
        await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    else if (range.size > 0)
        await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file, { start: range.offset, end: range.offset + range.size - 1 }), hash);
    return hash.digest('hex');
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/** A known file-system failure in words: Node's message, which names the path, or the full disk. */
function reason(e) {
    const code = e.code;
    const message = e instanceof Error ? e.message : String(e);
    return code === 'ENOSPC' ? 'no space left on the device' : message;
}


/***/ }),

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

/***/ 3644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readTarEntries)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * Reads the entries of an uncompressed tar (the one `git archive` writes) without extracting it:
 * folders, files (as the place of their bytes in the tar) and symbolic links with their targets
 * exactly as stored, absolute, climbing out with `..` or dangling alike. Nothing is written to disk,
 * so no link is ever followed, resolved or rewritten. Understands ustar headers and pax extended
 * headers (`path`, `linkpath`, `size`); pax global headers (git's commit comment) are skipped. Any
 * other entry type or a damaged header is an error (a bug: git writes neither), a name that is not
 * UTF-8 a UserError.
 *
 * node-tar's parser (tar 7) is not used here: it drops pax records whose value holds a line break
 * (keeping git's placeholder name or link target instead), skips malformed pax records and replaces
 * bytes that are no UTF-8, all without a warning, even when strict. It also reads every byte of the tar.
 */


const BLOCK = 512;
/** Upper bound of a pax extended header's size: git writes a few hundred bytes. */
const MAX_PAX = 1024 * 1024;
/** Refuses bytes that are no UTF-8 rather than replacing them; keeps a leading byte order mark. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * The entries of `file` in the order stored, paths without a trailing slash. Files point into
 * `file` (`source`, `offset`, `size`) and are executable when any execute bit of their mode is set.
 */
async function readTarEntries(file) {
    const handle = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(file, 'r');
    try {
        const total = (await handle.stat()).size;
        const out = [];
        const block = Buffer.alloc(BLOCK);
        let pos = 0;
        let pax;
        for (;;) {
            if (pos + BLOCK > total)
                throw new Error(`the tar ends at byte ${total} without its end marker`);
            await readExactly(handle, block, pos);
            if (block.every((b) => b === 0))
                break;
            const h = parseHeader(block, pos);
            const extension = h.type === 'x' || h.type === 'g';
            const sizeText = extension ? undefined : pax?.get('size');
            const size = sizeText === undefined ? h.size : decimal(sizeText, pos);
            const data = pos + BLOCK;
            if (data + size > total)
                throw new Error(`the entry at byte ${pos} runs past the end of the tar`);
            const next = data + Math.ceil(size / BLOCK) * BLOCK;
            if (h.type === 'x') {
                if (pax !== undefined)
                    throw new Error(`two pax extended headers in a row at byte ${pos}`);
                if (size > MAX_PAX)
                    throw new Error(`the pax extended header at byte ${pos} is ${size} bytes long`);
                const body = Buffer.alloc(size);
                await readExactly(handle, body, data);
                pax = parsePax(body, pos);
            }
            else if (extension) {
                // A global header (git: the commit's ID as a comment) sets nothing this reader uses.
            }
            else {
                const stored = text(pax?.get('path') ?? h.path, pos);
                const name = h.type === '5' ? stored.replace(/\/+$/, '') : stored;
                const linkpath = text(pax?.get('linkpath') ?? h.linkpath, pos);
                pax = undefined;
                if (h.type === '0' || h.type === '\0') {
                    out.push({ path: name, type: 'file', source: file, offset: data, size, executable: (h.mode & 0o111) !== 0 });
                }
                else if (h.type === '5') {
                    out.push({ path: name, type: 'directory' });
                }
                else if (h.type === '2') {
                    out.push({ path: name, type: 'symlink', linkpath });
                }
                else {
                    throw new Error(`${name} is an entry of tar type '${printable(h.type)}', neither a file, a folder nor a symbolic link`);
                }
            }
            pos = next;
        }
        if (pax !== undefined)
            throw new Error('the tar ends with a pax extended header that describes no entry');
        return out;
    }
    finally {
        await handle.close();
    }
}
async function readExactly(handle, into, position) {
    let done = 0;
    while (done < into.length) {
        const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
        if (bytesRead === 0)
            throw new Error(`the tar ends at byte ${position + done}, in the middle of an entry`);
        done += bytesRead;
    }
}
function parseHeader(block, pos) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    if (number(block, 148, 8, pos) !== sum)
        throw new Error(`the header at byte ${pos} has a wrong checksum; this is no intact tar`);
    const name = field(block, 0, 100);
    const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? field(block, 345, 155) : Buffer.alloc(0);
    return {
        path: prefix.length > 0 ? Buffer.concat([prefix, Buffer.from('/'), name]) : name,
        linkpath: field(block, 157, 100),
        type: String.fromCharCode(block[156]),
        mode: number(block, 100, 8, pos),
        size: number(block, 124, 12, pos),
    };
}
/** The bytes of a NUL-terminated (or full-width) header field. */
function field(block, off, len) {
    const f = block.subarray(off, off + len);
    const end = f.indexOf(0);
    return end < 0 ? f : f.subarray(0, end);
}
/** A numeric header field: octal digits (padded with spaces or NULs), or base-256 when its top bit is set. */
function number(block, off, len, pos) {
    const f = block.subarray(off, off + len);
    if ((f[0] & 0x80) !== 0) {
        if ((f[0] & 0x40) !== 0)
            throw new Error(`a negative number in the header at byte ${pos}`);
        let n = f[0] & 0x7f;
        for (let i = 1; i < f.length; i++)
            n = n * 256 + f[i];
        if (!Number.isSafeInteger(n))
            throw new Error(`a number too large in the header at byte ${pos}`);
        return n;
    }
    const digits = f.toString('latin1').replace(/\0.*$/s, '').trim();
    if (!/^[0-7]+$/.test(digits))
        throw new Error(`the header at byte ${pos} holds "${printable(digits)}" where a number belongs; this is no intact tar`);
    return parseInt(digits, 8);
}
function decimal(value, pos) {
    const s = value.toString('latin1');
    if (!/^[0-9]+$/.test(s) || !Number.isSafeInteger(Number(s)))
        throw new Error(`the pax extended header before byte ${pos} holds the size "${printable(s)}"`);
    return Number(s);
}
/** pax records `<length> <key>=<value>\n`; values are bytes and may hold any byte, line breaks too. */
function parsePax(body, pos) {
    const out = new Map();
    let at = 0;
    while (at < body.length) {
        const space = body.indexOf(0x20, at);
        const lengthText = space < 0 ? '' : body.toString('latin1', at, space);
        const length = /^[0-9]{1,7}$/.test(lengthText) ? Number(lengthText) : NaN;
        const end = at + length;
        if (!(end > space + 1 && end <= body.length && body[end - 1] === 0x0a))
            throw new Error(`the pax extended header at byte ${pos} is malformed`);
        const record = body.subarray(space + 1, end - 1);
        const eq = record.indexOf(0x3d);
        if (eq <= 0)
            throw new Error(`the pax extended header at byte ${pos} is malformed`);
        out.set(record.toString('latin1', 0, eq), record.subarray(eq + 1));
        at = end;
    }
    return out;
}
function text(bytes, pos) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the entry at byte ${pos} has a name or link target that is not UTF-8 ("${printable(bytes.toString('latin1'))}"); the release archive stores names as UTF-8, so rename it`);
    }
}
function printable(s) {
    return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}


/***/ })

};
