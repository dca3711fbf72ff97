/** `release-gate verify`: an archive against its MANIFEST.sha256, every difference listed, exit 0 only when all match. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseManifest } from '../../src/release/verify-archive.js';
import { makeWorkspace } from '../support/workspace.js';
import { committedWorkspace, extract, recordingTerminal, repack } from './support.js';

const NO_CI = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };
let archive: string;

beforeAll(async () => {
  const { dir } = committedWorkspace();
  const term = recordingTerminal();
  const code = await main(['check', '--workspace', dir, '--reports', 'reports/*.xml', '--requirements', 'requirements.md', '--archive', '--archive-name', 'pump', '--release-version', 'v2.4.0'], NO_CI, term);
  expect(code, term.stderr.join('\n')).toBe(0);
  archive = path.join(dir, 'release-archive', 'pump-v2.4.0.tar.gz');
  expect(term.stdout).toContain(`Release archive: ${archive}`);
});

async function verify(file: string): Promise<{ code: number; out: string }> {
  const term = recordingTerminal();
  const code = await main(['verify', file], NO_CI, term);
  return { code, out: [...term.stdout, ...term.stderr].join('\n') };
}

/** The archive extracted, changed by `tamper`, packed again. */
function tampered(tamper: (root: string) => void): string {
  const root = extract(archive);
  tamper(root);
  const out = path.join(makeWorkspace({}), 'tampered.tar.gz');
  repack(root, out);
  return out;
}

describe('RG-050 release-gate verify checks every file of an archive against MANIFEST.sha256', () => {
  it('an archive as built verifies (exit 0)', async () => {
    const r = await verify(archive);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/VERIFIED: .*: all \d+ files match MANIFEST.sha256/);
  });

  it('a changed, a missing and an extra file are each listed, and the archive does not verify (exit 1)', async () => {
    const file = tampered((root) => {
      fs.appendFileSync(path.join(root, 'source', 'src', 'dose.c'), '// changed\n');
      fs.rmSync(path.join(root, 'evidence', 'traceability.json'));
      fs.writeFileSync(path.join(root, 'evidence', 'smuggled.xml'), '<testsuite/>');
    });
    const r = await verify(file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^changed: source\/src\/dose.c \(SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}\)$/m);
    expect(r.out).toContain('missing: evidence/traceability.json (not in the archive)');
    expect(r.out).toContain('extra: evidence/smuggled.xml (not listed in MANIFEST.sha256)');
    expect(r.out).toContain('NOT VERIFIED');
  });

  it('a manifest line that does not parse is named by its line, and fails the verification', async () => {
    const file = tampered((root) => {
      const manifest = path.join(root, 'MANIFEST.sha256');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/\n/, '\nnot a line\n'));
    });
    const r = await verify(file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^MANIFEST.sha256:2: not a line of sha256sum/m);
  });

  it('an archive without a manifest, a damaged archive and a missing file do not verify', async () => {
    const noManifest = tampered((root) => fs.rmSync(path.join(root, 'MANIFEST.sha256')));
    const r = await verify(noManifest);
    expect(r.code).toBe(1);
    expect(r.out).toContain('the archive holds no MANIFEST.sha256');

    const garbage = path.join(makeWorkspace({ 'x.tar.gz': Buffer.from([0x1f, 0x8b, 1, 2, 3]) }), 'x.tar.gz');
    const damaged = await verify(garbage);
    expect(damaged.code).toBe(2);
    expect(damaged.out).toMatch(/is not a readable gzip file/);
    expect(damaged.out).not.toMatch(/\n\s+at /);

    const missing = await verify('/nonexistent/archive.tar.gz');
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('cannot be read');
    expect((await verify('')).code).toBe(2);
  });

  it('reads the manifest strictly: escaped names, duplicates, paths climbing out, a cut last line', () => {
    const h = 'a'.repeat(64);
    const ok = parseManifest(`${h}  a.txt\n\\${h}  back\\\\slash\\nline\n`);
    expect(ok.problems).toEqual([]);
    expect([...ok.entries.keys()]).toEqual(['a.txt', 'back\\slash\nline']);
    const bad = parseManifest(`${h}  a.txt\n${h}  a.txt\n${h}  ../up\n${h.toUpperCase()}  b\n${h}  cut`);
    expect(bad.problems.map((p) => p.line)).toEqual([5, 2, 3, 4]);
  });
});
