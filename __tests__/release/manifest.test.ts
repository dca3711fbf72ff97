import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareByteOrder, renderManifest } from '../../src/release/manifest.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('renderManifest', () => {
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
