import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/run-action.js';
import { compareByteOrder, renderManifest } from '../../src/release/manifest.js';
import { commitAll } from '../support/git-repo.js';
import { node24 } from '../support/node24.js';
import { makeWorkspace, removeLater } from '../support/workspace.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('RG-061 renderManifest', () => {
  it('writes sha256sum lines sorted by the bytes of the path', () => {
    const text = renderManifest([
      { path: 'source/b.txt', sha256: sha('b') },
      { path: 'BUILD.md', sha256: sha('B') },
      { path: 'source/a-z.txt', sha256: sha('a') },
      { path: 'source/a/x.txt', sha256: sha('x') },
      { path: 'source/é.txt', sha256: sha('e') },
    ]);
    expect(text.split('\n').map((l) => l.slice(66))).toEqual(['BUILD.md', 'source/a-z.txt', 'source/a/x.txt', 'source/b.txt', 'source/é.txt', '']);
    expect(text.split('\n')[0]).toBe(`${sha('B')}  BUILD.md`);
  });

  it('is read back by sha256sum -c, also for names with a backslash or a line break', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const files = { 'plain.txt': 'p', 'back\\slash.txt': 'b', 'line\nbreak.txt': 'l', 'sp ace.txt': 's', 'sub/dir/ü.txt': 'u' };
      for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
      }
      fs.writeFileSync(path.join(dir, 'MANIFEST.sha256'), renderManifest(Object.entries(files).map(([p, c]) => ({ path: p, sha256: sha(c) }))));
      const check = spawnSync('sha256sum', ['--strict', '-c', 'MANIFEST.sha256'], { cwd: dir, encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      // And it is what sha256sum itself writes for those names.
      const own = execFileSync('sh', ['-c', 'sha256sum "back\\slash.txt" plain.txt'], { cwd: dir, encoding: 'utf8' });
      expect(own).toBe(renderManifest([{ path: 'back\\slash.txt', sha256: sha('b') }, { path: 'plain.txt', sha256: sha('p') }]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Regression: only backslashes and line feeds were escaped, so a name holding a carriage return
  // was written raw, and `sha256sum -c` took one at the end of a name for a Windows line ending.
  it('writes every name as sha256sum writes it: carriage returns, line feeds and backslashes, alone and together', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const names = ['cr\rinside.txt', 'cr-at-end\r', '\rcr-first', 'lf\n', 'back\\slash', 'all\\\r\n\\n.txt', '\\', 'tab\tand space', 'plain'];
      names.forEach((name, i) => fs.writeFileSync(path.join(dir, name), String(i)));
      const entries = names.map((name, i) => ({ path: name, sha256: sha(String(i)) }));
      const own = execFileSync('sha256sum', ['--', ...[...names].sort(compareByteOrder)], { cwd: dir, encoding: 'utf8' });
      expect(renderManifest(entries)).toBe(own);
      fs.writeFileSync(path.join(dir, 'MANIFEST.sha256'), renderManifest(entries));
      const check = spawnSync('sha256sum', ['--strict', '-c', 'MANIFEST.sha256'], { cwd: dir, encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      expect(check.stdout.match(/: OK$/gm)).toHaveLength(names.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ path: 'a', sha256: 'xyz' }, /not a SHA-256/],
    [{ path: '/etc/passwd', sha256: sha('') }, /not a relative path/],
    [{ path: 'a/../b', sha256: sha('') }, /not a relative path/],
    [{ path: 'MANIFEST.sha256', sha256: sha('') }, /does not list itself/],
  ])('refuses %j', (entry, message) => {
    expect(() => renderManifest([entry])).toThrow(message);
  });

  it('refuses a path listed twice', () => {
    expect(() => renderManifest([{ path: 'a', sha256: sha('1') }, { path: 'a', sha256: sha('2') }])).toThrow(/listed twice: a/);
  });

  it('orders by bytes, not by locale', () => {
    expect(['b', 'B', 'a', 'Ä', '_'].sort(compareByteOrder)).toEqual(['B', '_', 'a', 'b', 'Ä']);
  });
});

/** Names a commit can hold that the manifest must escape (see `line` in src/release/manifest.ts). */
const AWKWARD_NAMES = ['docs/cr\rinside.md', 'docs/cr-at-end\r', 'docs/line\nfeed.md', 'docs/back\\slash.md', 'docs/all\\\r\n.md', 'docs/\\'];

describe('the manifest of a real archive whose commit holds names with carriage returns, line feeds and backslashes', () => {
  const nodes: [string, string][] = [[`Node ${process.versions.node}`, process.execPath]];
  if (node24 !== undefined) nodes.push(['Node 24', node24]);

  it.each(nodes)('verifies with sha256sum -c after extraction (%s)', async (_label, node) => {
    const files: Record<string, string> = {
      'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose |\n',
      'reports/unit.xml': '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes the dose"/></testsuite>',
    };
    AWKWARD_NAMES.forEach((name, i) => (files[name] = `file ${i}\n`));
    const ws = makeWorkspace(files);
    commitAll(ws);
    const run = await runAction({ node, workspace: ws, inputs: { reports: 'reports/*.xml', requirements: 'requirements.md', upload: 'false' }, env: { SOURCE_DATE_EPOCH: '1764000000' } });
    removeLater(run.runnerTemp);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-extract-'));
    removeLater(out);
    execFileSync('tar', ['-xzf', run.outputs['archive-path']!, '-C', out]);
    for (const [i, name] of AWKWARD_NAMES.entries()) expect(fs.readFileSync(path.join(out, 'source', name), 'utf8')).toBe(`file ${i}\n`);
    const check = spawnSync('sha256sum', ['--strict', '-c', 'MANIFEST.sha256'], { cwd: out, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    // Every name is listed as sha256sum itself lists it.
    const manifest = fs.readFileSync(path.join(out, 'MANIFEST.sha256'), 'utf8');
    const own = execFileSync('sha256sum', ['--', ...AWKWARD_NAMES.map((n) => `source/${n}`)], { cwd: out, encoding: 'utf8' });
    for (const line of own.split('\n').filter((l) => l !== '')) expect(manifest.split('\n')).toContain(line);
  });
});
