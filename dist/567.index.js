export const id = 567;
export const ids = [567];
export const modules = {

/***/ 1567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
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
// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(53877);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 5 modules
var exec = __webpack_require__(22876);
;// CONCATENATED MODULE: ./src/release/git-source.ts
/**
 * The source of the release: the committed tree of one commit, exported by `git archive` (never the
 * working tree, so uncommitted changes and untracked files stay out, and `.gitattributes`
 * `export-ignore` is respected).
 */


/** The repository of the workspace and its HEAD commit: what was checked out, built and tested. */
async function findCheckout(workspace) {
    const top = await git(workspace, ['rev-parse', '--show-toplevel']);
    const head = await git(workspace, ['rev-parse', '--verify', 'HEAD^{commit}']);
    if (top.exitCode !== 0 || head.exitCode !== 0) {
        throw new errors/* UserError */.y(`the workspace ${workspace} is not a Git checkout with a commit, so the source of the release cannot be archived (${firstLine(top.stderr || head.stderr)}); check the repository out with actions/checkout before this step${dubious(top.stderr + head.stderr)}`);
    }
    return { root: top.stdout.trim(), commit: head.stdout.trim().toLowerCase() };
}
/**
 * Writes the tree of `commit` as an uncompressed tar to `tarFile`, every path under `prefix`.
 * `tar.umask` is fixed so that the modes do not depend on the user's Git configuration.
 */
async function exportCommit(root, commit, prefix, tarFile) {
    const r = await git(root, ['-c', 'tar.umask=0022', 'archive', '--format=tar', `--prefix=${prefix}`, `--output=${tarFile}`, commit]);
    if (r.exitCode !== 0) {
        throw new errors/* UserError */.y(`git archive could not export commit ${commit} from ${root}: ${firstLine(r.stderr)}${dubious(r.stderr)}`);
    }
}
async function git(cwd, args) {
    try {
        return await (0,exec/* getExecOutput */.H)('git', args, {
            cwd,
            silent: true,
            ignoreReturnCode: true,
            env: { ...stringEnv(process.env), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        });
    }
    catch (e) {
        throw new errors/* UserError */.y(`git could not be run in ${cwd} (${e instanceof Error ? e.message : String(e)}); the release archive needs git on the runner's PATH`);
    }
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

;// CONCATENATED MODULE: ./src/release/manifest.ts
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
 * One line. As GNU sha256sum writes it, a name holding a backslash or a line break is escaped
 * (`\\`, `\n`) and the line starts with a backslash, so that `sha256sum -c` reads it back.
 */
function line(e) {
    if (/[\\\n]/.test(e.path))
        return `\\${e.sha256}  ${e.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n`;
    return `${e.sha256}  ${e.path}\n`;
}

;// CONCATENATED MODULE: ./src/release/tar-reader.ts
/**
 * Reads the entries of an uncompressed tar (the one `git archive` writes) without extracting it:
 * folders, files (as the place of their bytes in the tar) and symbolic links with their targets
 * exactly as stored, absolute, climbing out with `..` or dangling alike. Nothing is written to disk,
 * so no link is ever followed, resolved or rewritten. Understands ustar headers and pax extended
 * headers (`path`, `linkpath`, `size`); pax global headers (git's commit comment) are skipped. Any
 * other entry type, a damaged header or a name that is not UTF-8 is an error.
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
    const handle = await promises_default().open(file, 'r');
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
                const stored = tar_reader_text(pax?.get('path') ?? h.path, pos);
                const name = h.type === '5' ? stored.replace(/\/+$/, '') : stored;
                const linkpath = tar_reader_text(pax?.get('linkpath') ?? h.linkpath, pos);
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
function tar_reader_text(bytes, pos) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw new Error(`the entry at byte ${pos} has a name or link target that is not UTF-8 ("${printable(bytes.toString('latin1'))}"); the release archive stores names as UTF-8, so rename it`);
    }
}
function printable(s) {
    return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

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







const tar_writer_BLOCK = 512;
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
    return out.sort((a, b) => compareByteOrder(a.path, b.path));
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
        if (read !== size)
            throw new Error(`${e.path} changed while it was archived (${size} bytes expected, ${read} read)`);
        if (size % tar_writer_BLOCK !== 0)
            yield Buffer.alloc(tar_writer_BLOCK - (size % tar_writer_BLOCK));
    }
    yield Buffer.alloc(2 * tar_writer_BLOCK);
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
        if (e instanceof errors/* UserError */.y)
            throw new errors/* UserError */.y(`${e.message}; no release archive was written (it would be ${target})`, e.file === undefined ? {} : { file: e.file });
        throw new errors/* UserError */.y(`the release archive ${target} could not be built: ${reason(e)}`);
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
    await writeText(root, MANIFEST_FILE, renderManifest(hashed));
    const entries = [...source, ...(await listEntries(root, () => false))].sort((a, b) => compareByteOrder(a.path, b.path));
    await writeTarGz(entries, file, contents.time);
    return files.length;
}
/**
 * `git archive` of the commit, every path under `source/`, written to `tarFile` and read as entries
 * that point into it (see tar-reader.ts): files with git's executable bit, folders, and symbolic
 * links exactly as committed.
 */
async function readSource(checkout, tarFile) {
    await exportCommit(checkout.root, checkout.commit, `${SOURCE_DIR}/`, tarFile);
    let entries;
    try {
        entries = await readTarEntries(tarFile);
    }
    catch (e) {
        throw new errors/* UserError */.y(`the tree of commit ${checkout.commit} could not be read from the output of git archive: ${reason(e)}`);
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
            throw new errors/* UserError */.y(`commit ${commit} holds the path ${JSON.stringify(e.path)}, which the release archive cannot hold (it must be relative, without empty, "." or ".." parts)`);
        }
        const before = kinds.get(e.path);
        if (before !== undefined) {
            throw new errors/* UserError */.y(`commit ${commit} holds ${committed(e.path)} twice, as ${KIND[before]} and as ${KIND[e.type]}; the release archive can hold a path once`);
        }
        kinds.set(e.path, e.type);
    }
    for (const e of entries) {
        const parts = e.path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const above = parts.slice(0, i).join('/');
            const kind = kinds.get(above);
            if (kind !== undefined && kind !== 'directory') {
                throw new errors/* UserError */.y(`commit ${commit} holds ${committed(e.path)} below ${committed(above)}, which is ${KIND[kind]}; the release archive cannot hold both, since extracting it would write through ${KIND[kind]}`);
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
    for (const report of c.reports)
        copies.set(`${EVIDENCE_DIR}/reports/${inWorkspace(report, c.workspace, 'test report')}`, external_node_path_default().resolve(c.workspace, report));
    for (const list of c.lists)
        copies.set(`${EVIDENCE_DIR}/inputs/${inWorkspace(list, c.workspace, 'list')}`, external_node_path_default().resolve(c.workspace, list));
    await promises_default().mkdir(external_node_path_default().join(root, EVIDENCE_DIR), { recursive: true });
    for (const [to, from] of copies) {
        const dest = external_node_path_default().join(root, ...to.split('/'));
        await promises_default().mkdir(external_node_path_default().dirname(dest), { recursive: true });
        try {
            await promises_default().copyFile(from, dest);
        }
        catch (e) {
            throw new errors/* UserError */.y(`${from} could not be copied into the release archive: ${reason(e)}`);
        }
    }
}
/** The path of a workspace file relative to the workspace, `/`-separated. */
function inWorkspace(file, workspace, what) {
    const rel = external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, file));
    if (rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel)) {
        throw new errors/* UserError */.y(`the ${what} ${file} lies outside the workspace ${workspace}; the release archive holds only files of the workspace`);
    }
    return toPosix(rel);
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
function reason(e) {
    const code = e.code;
    const message = e instanceof Error ? e.message : String(e);
    return code === 'ENOSPC' ? 'no space left on the device' : message;
}

;// CONCATENATED MODULE: ./src/release/archive-time.ts

/** Largest time the gzip header can hold (unsigned 32-bit seconds: 2106-02-07). */
const MAX_EPOCH = 0xffff_ffff;
/**
 * `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/): a decimal
 * integer of seconds since 1970-01-01 UTC, as `date +%s` prints it. A malformed value is an error, as
 * the specification asks, never silently replaced. Otherwise `now`, cut to whole seconds.
 */
function archiveTime(env, now) {
    const raw = env['SOURCE_DATE_EPOCH'];
    if (raw === undefined || raw === '')
        return { date: new Date(Math.floor(now.getTime() / 1000) * 1000), source: 'clock' };
    if (!/^[0-9]+$/.test(raw) || Number(raw) > MAX_EPOCH) {
        throw new errors/* UserError */.y(`SOURCE_DATE_EPOCH is "${raw}"; it must be the whole number of seconds since 1970-01-01 UTC (as \`date +%s\` prints it, up to ${MAX_EPOCH}), for example the commit time: \`git log -1 --format=%ct\`. Unset it to use the current time.`);
    }
    return { date: new Date(Number(raw) * 1000), source: 'SOURCE_DATE_EPOCH' };
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/release/build-info.ts


const BUILD_SCHEMA = 'iec62304-release-gate/build@1';
const BUILD_JSON = 'build.json';
const BUILD_MARKDOWN = 'BUILD.md';
const ACTION_NAME = 'iec62304-release-gate';
function buildInfo(input) {
    const { env, evidence } = input;
    const sha = value(env, 'GITHUB_SHA');
    return {
        schema: BUILD_SCHEMA,
        archive: input.archive,
        version: input.version.version,
        versionSource: input.version.source,
        created: input.time.date.toISOString(),
        timeSource: input.time.source,
        source: {
            repository: value(env, 'GITHUB_REPOSITORY'),
            ref: value(env, 'GITHUB_REF'),
            commit: input.commit,
            eventCommit: sha !== null && sha.toLowerCase() !== input.commit.toLowerCase() ? sha : null,
        },
        workflow: {
            name: value(env, 'GITHUB_WORKFLOW'),
            ref: value(env, 'GITHUB_WORKFLOW_REF'),
            event: value(env, 'GITHUB_EVENT_NAME'),
            runId: value(env, 'GITHUB_RUN_ID'),
            runAttempt: value(env, 'GITHUB_RUN_ATTEMPT'),
            runUrl: runUrl(env),
            actor: value(env, 'GITHUB_ACTOR'),
        },
        runner: { os: value(env, 'RUNNER_OS'), arch: value(env, 'RUNNER_ARCH'), node: input.nodeVersion },
        action: { name: ACTION_NAME, version: input.actionVersion, repository: value(env, 'GITHUB_ACTION_REPOSITORY'), ref: value(env, 'GITHUB_ACTION_REF') },
        gate: {
            verdict: evidence.verdict,
            coverage: evidence.coverage,
            requirements: evidence.requirements.length,
            tests: evidence.totals.tests,
            evidenceSchema: evidence.schema,
        },
    };
}
/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`, or null when one is missing. */
function runUrl(env) {
    const server = value(env, 'GITHUB_SERVER_URL');
    const repository = value(env, 'GITHUB_REPOSITORY');
    const run = value(env, 'GITHUB_RUN_ID');
    if (server === null || repository === null || run === null)
        return null;
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}`;
}
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
        ['Time (UTC)', `${code(info.created)} (${info.timeSource === 'SOURCE_DATE_EPOCH' ? 'from SOURCE_DATE_EPOCH' : 'time of the build'})`],
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
        `- \`${MANIFEST_FILE}\`: the SHA-256 of every file above (symbolic links are kept as links and not hashed).`,
        '',
        '## Checking it',
        '',
        '```sh',
        `mkdir release && tar -xzf ${info.archive} -C release && cd release`,
        `sha256sum -c ${MANIFEST_FILE}`,
        '```',
        '',
        'The source can be compared with the repository, in a clone of it:',
        '',
        '```sh',
        `mkdir source-check && git archive --format=tar ${info.source.commit} | tar -x -C source-check`,
        'diff -r --no-dereference source-check release/source',
        '```',
        '',
        'Every time in the archive (file times, the gzip header, the time above) is this one time, so the same commit, inputs and run give the same bytes.',
        '',
    ].join('\n');
}
const NOT_SET = '(not set)';
const VERSION_SOURCE = {
    input: 'from the input `version`',
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

;// CONCATENATED MODULE: ./src/release/release-asset.ts
/**
 * Attaches the release archive to a GitHub Release, where it stays as long as the release does
 * (artifacts expire). Octokit is loaded here, on first use. A same-name asset (422 already_exists,
 * for example from an earlier attempt of the run) is deleted and the upload repeated.
 */

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
        if (release_asset_status(e) === 404) {
            throw new errors/* UserError */.y(`there is no published GitHub Release with the tag "${o.tag}" in ${o.repository} (input release-tag): create it before this step (for example \`gh release create ${o.tag}\`); a draft release is not found by its tag`);
        }
        throw new errors/* UserError */.y(`the GitHub Release "${o.tag}" of ${o.repository} could not be read: ${describe(e)}`);
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
        throw new errors/* UserError */.y(`the release archive could not be attached to the GitHub Release "${o.tag}" of ${o.repository}: ${describe(e)}`);
    }
    return { id: asset.id, name: asset.name, url: asset.browser_download_url, replaced };
}
/** The checks made before any request. */
function checkReleaseAccess(token, repository, tag) {
    if (token.trim() === '') {
        throw new errors/* UserError */.y(`input "github-token" is empty, so the release archive cannot be attached to the GitHub Release "${tag}" (input release-tag); pass \`github-token: \${{ github.token }}\` and grant \`contents: write\``);
    }
    const [owner, repo, extra] = repository.split('/');
    if (!owner || !repo || extra !== undefined)
        throw new errors/* UserError */.y(`the repository "${repository}" is not of the form owner/name (GITHUB_REPOSITORY)`);
}
function release_asset_status(e) {
    const s = e.status;
    return typeof s === 'number' ? s : undefined;
}
function alreadyExists(e) {
    if (release_asset_status(e) !== 422)
        return false;
    const errors = e.response?.data?.errors ?? [];
    return errors.some((x) => x.code === 'already_exists');
}
function describe(e) {
    const s = release_asset_status(e);
    if (s === 401)
        return 'the token was refused (401 Bad credentials)';
    if (s === 403)
        return 'access denied (403): give the workflow `permissions: contents: write`';
    if (s === 404)
        return 'not found (404), or the token cannot see the repository';
    if (s !== undefined)
        return `GitHub answered ${s}: ${e.message}`;
    return e instanceof Error ? e.message : String(e);
}

// EXTERNAL MODULE: ./src/release/settings.ts
var settings = __webpack_require__(55552);
;// CONCATENATED MODULE: ./src/release/summary.ts
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
        lines.push('', `An artifact expires (after at most 90 days on public repositories and ${settings/* MAX_RETENTION_DAYS */.aT} on private ones), while the release archive of a medical device must be kept as long as the device is supported: attach it to a GitHub Release with the input \`release-tag\`, or copy it to your records system.`);
    }
    return `${lines.join('\n')}\n`;
}

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
 * for it. Every failure is a UserError that names the archive left on the runner.
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
        throw new errors/* UserError */.y(`workflow artifacts of this kind are not supported on GitHub Enterprise Server (${env['GITHUB_SERVER_URL']}), so the release archive cannot be uploaded as one: set \`upload: false\`, and keep the archive with \`release-tag\` (a GitHub Release) or a step of your own that reads the output archive-path`);
    }
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((n) => !env[n]);
    if (missing.length > 0) {
        throw new errors/* UserError */.y(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set, so the release archive cannot be uploaded as an artifact: the runner gives ${missing.length === 1 ? 'it' : 'them'} only to steps that run the action with \`uses:\`, not to \`run:\` steps or scripts started by them; run the action with \`uses:\`, or set \`upload: false\``);
    }
}
async function uploadArtifact(file, options) {
    const { name, env } = options;
    checkArtifactService(env);
    // With skipArchive the artifact takes the file's name: upload a link named as the artifact.
    let upload = file;
    let linkDir;
    if (external_node_path_default().basename(file) !== name) {
        linkDir = await promises_default().mkdtemp(external_node_path_default().join(external_node_path_default().dirname(file), '.artifact-'));
        upload = external_node_path_default().join(linkDir, name);
        await promises_default().link(file, upload).catch(() => promises_default().copyFile(file, upload));
    }
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 18550));
        const response = await withEnv(env, () => new DefaultArtifactClient().uploadArtifact(name, [upload], external_node_path_default().dirname(upload), {
            skipArchive: true,
            ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
        }));
        if (response.id === undefined)
            throw new Error('the artifact service returned no artifact ID');
        const url = artifactUrl(env, response.id);
        return { id: response.id, name, ...(url !== undefined ? { url } : {}), ...(response.size !== undefined ? { size: response.size } : {}) };
    }
    catch (e) {
        throw new errors/* UserError */.y(`${upload_artifact_describe(e, name)}. The release archive was not uploaded; it is still on the runner at ${file}`);
    }
    finally {
        if (linkDir !== undefined)
            await promises_default().rm(linkDir, { recursive: true, force: true });
    }
}
function upload_artifact_describe(e, name) {
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
 * The `version` input when given, else the tag of the ref (`refs/tags/v1.2.0` -> `v1.2.0`), else the
 * short commit SHA. A tag is made safe for a file name: characters other than letters, digits, `.`,
 * `_`, `+` and `-` become `-` (`release/2.0` -> `release-2.0`).
 */
function resolveVersion(input, ref, commit) {
    if (input !== undefined && input !== '')
        return { version: input, source: 'input' };
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
    const time = archiveTime(env, args.now);
    const checkout = await findCheckout(args.workspace);
    const version = resolveVersion(settings.version, env['GITHUB_REF'], checkout.commit);
    const archive = archiveFileName(resolveArchiveName(settings.archiveName, env['GITHUB_REPOSITORY'], external_node_path_default().basename(checkout.root)), version.version);
    const info = buildInfo({
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
    if (settings.upload) {
        const name = settings.artifactName ?? archive;
        log(`Uploading ${archive} as the artifact ${name}`);
        artifact = await uploadArtifact(built.path, { name, env, ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}) });
    }
    let releaseAsset;
    if (settings.releaseTag !== undefined) {
        log(`Attaching ${archive} to the GitHub Release ${settings.releaseTag}`);
        releaseAsset = await attachToRelease({
            token,
            ...(env['GITHUB_API_URL'] ? { apiUrl: env['GITHUB_API_URL'] } : {}),
            repository: env['GITHUB_REPOSITORY'] ?? '',
            tag: settings.releaseTag,
            name: archive,
            data: await promises_default().readFile(built.path),
            contentType: 'application/gzip',
        }).catch((e) => {
            if (!(e instanceof errors/* UserError */.y))
                throw e;
            const uploaded = artifact === undefined ? '' : ` (it was uploaded as the artifact ${artifact.name})`;
            throw new errors/* UserError */.y(`${e.message}. The release archive is still on the runner at ${built.path}${uploaded}`);
        });
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
        outputs: {
            'archive-path': built.path,
            'archive-sha256': built.sha256,
            'artifact-id': artifact === undefined ? '' : String(artifact.id),
            'artifact-url': artifact?.url ?? '',
        },
        summary: renderReleaseSummary({
            archive,
            sha256: built.sha256,
            path: built.path,
            ...(artifact !== undefined ? { artifact } : {}),
            ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}),
            ...(releaseAsset !== undefined ? { releaseAsset: { tag: settings.releaseTag, url: releaseAsset.url } } : {}),
        }),
    };
}


/***/ })

};
