/** The committed bundle must be what the source builds to: the runner runs dist/, not src/. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../scripts/run-action.js';

/** A fresh ncc build of `entry` into a temporary folder, compared file by file with the committed `folder`. */
function expectFreshBuild(entry: string, folder: string, leaveOut: readonly string[] = []): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-dist-'));
  const ncc = path.join(repoRoot, 'node_modules', '.bin', 'ncc');
  const r = spawnSync(ncc, ['build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const built = fs.readdirSync(out).sort();
  expect(fs.readdirSync(path.join(repoRoot, folder)).filter((f) => !leaveOut.includes(f)).sort()).toEqual(built);
  for (const file of built) {
    const fresh = fs.readFileSync(path.join(out, file), 'utf8');
    const committed = fs.readFileSync(path.join(repoRoot, folder, file), 'utf8');
    expect(committed === fresh, `${folder}/${file} differs from a fresh build`).toBe(true);
  }
  fs.rmSync(out, { recursive: true, force: true });
}

it('dist/ is a fresh build of src/ (run `npm run build` and commit dist/)', () => {
  // dist/cli/ is the command line's bundle, checked below.
  expectFreshBuild('src/index.ts', 'dist', ['cli']);
}, 120_000);

it('dist/cli/ is a fresh build of src/cli/ (run `npm run build` and commit dist/)', () => {
  expectFreshBuild('src/cli/index.ts', 'dist/cli');
  expect(fs.readFileSync(path.join(repoRoot, 'dist', 'cli', 'index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
}, 120_000);

it('loads heavy libraries only on the paths that use them: none of them is in the bundle the runner starts', () => {
  const main = fs.readFileSync(path.join(repoRoot, 'dist', 'index.js'), 'utf8');
  const chunks = fs.readdirSync(path.join(repoRoot, 'dist')).filter((f) => /^\d+\.index\.js$/.test(f));
  const inChunk = (marker: string): boolean => chunks.some((f) => fs.readFileSync(path.join(repoRoot, 'dist', f), 'utf8').includes(marker));
  // The yaml library (YAML and JSON lists), csv-parse (CSV lists), fast-xml-parser (unusual test cases),
  // octokit (GitHub issues, release assets) and the artifact client.
  for (const marker of ['YAMLParseError', 'class CsvError', 'OrderedObjParser', 'paginateRest', 'DefaultArtifactClient']) {
    expect(main.includes(marker), `${marker} in dist/index.js`).toBe(false);
    expect(inChunk(marker), `${marker} in a chunk`).toBe(true);
  }
});
