/**
 * A real Git repository in a temporary folder, for tests of the release archive: committed files
 * (an executable, a symbolic link, a file marked export-ignore), then a dirty working tree on top.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeWorkspace } from './workspace.js';

/** Author and committer fixed, so the commit's SHA is the same in every run. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Release Tester',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
  GIT_COMMITTER_NAME: 'Release Tester',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

/** The tag `commitAll` gives the release commit unless told otherwise (the release tests' GITHUB_REF names it). */
export const RELEASE_TAG = 'v2.4.0';

export interface ReleaseOptions {
  /** Tag of the commit; null: none. */
  readonly tag?: string | null;
  /** Paths (files or folders) left out of the commit, as the workflow writes them: the test reports. */
  readonly untracked?: readonly string[];
}

/**
 * Makes a workspace a proper release: one commit holding everything in it but the test reports
 * (`reports/` unless told otherwise), tagged `v2.4.0`; the reports are then written again, as the
 * tests of the workflow would write them after the checkout. A passing gate archives it.
 */
export function commitAll(ws: string, options: ReleaseOptions = {}): string {
  const untracked = (options.untracked ?? ['reports']).filter((p) => fs.existsSync(path.join(ws, p)));
  if (!fs.existsSync(path.join(ws, '.git'))) git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '-A');
  if (untracked.length > 0) git(ws, 'rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', ...untracked);
  git(ws, 'commit', '-q', '--allow-empty', '-m', 'Release candidate');
  const tag = options.tag === undefined ? RELEASE_TAG : options.tag;
  if (tag !== null) git(ws, 'tag', '-f', tag);
  // Written after the checkout: a second later than any checked-out file, whatever the clock's grain.
  const later = new Date(Date.now() + 1000);
  for (const p of untracked) touchAll(path.join(ws, p), later);
  return git(ws, 'rev-parse', 'HEAD');
}

/** Sets the modification time of a file, or of every file below a folder. */
export function touchAll(p: string, time: Date): void {
  const stat = fs.lstatSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p)) touchAll(path.join(p, name), time);
  } else if (!stat.isSymbolicLink()) {
    fs.utimesSync(p, time, time);
  }
}

export const COMMITTED = {
  'README.md': '# Infusion pump firmware\n',
  'src/dose.c': 'int dose(int mg) { return mg; }\n',
  'docs/internal-notes.md': 'not for release\n',
  '.gitattributes': 'docs/internal-notes.md export-ignore\n',
  'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Dose is computed |\n',
  'a/very/long/path/that/goes/on/and/on/beyond/the/hundred/characters/of/a/plain/ustar/name/field/dosé-calculation-details.txt': 'long name\n',
};

export interface Repo {
  readonly dir: string;
  readonly commit: string;
}

/**
 * A repository with the files above, `build.sh` executable, `current-dose` a symbolic link to
 * src/dose.c, one commit; afterwards src/dose.c is changed and an untracked file added (neither may
 * reach the archive). Test reports and the gate's evidence are written as the workflow would.
 */
export function makeRepo(): Repo {
  const dir = makeWorkspace(COMMITTED);
  fs.writeFileSync(path.join(dir, 'build.sh'), '#!/bin/sh\necho build\n', { mode: 0o755 });
  fs.symlinkSync('src/dose.c', path.join(dir, 'current-dose'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Release candidate');
  const commit = git(dir, 'rev-parse', 'HEAD');
  // The dirty working tree: none of this is committed.
  fs.writeFileSync(path.join(dir, 'src/dose.c'), 'int dose(int mg) { return mg * 2; } /* uncommitted */\n');
  fs.writeFileSync(path.join(dir, 'untracked.txt'), 'not committed\n');
  // What the workflow produced: reports and the gate's evidence.
  fs.mkdirSync(path.join(dir, 'reports/unit'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'reports/unit/junit.xml'), '<testsuite name="unit"><testcase name="SRS-001 dose"/></testsuite>\n');
  fs.mkdirSync(path.join(dir, 'release-gate-evidence'));
  for (const f of ['traceability.json', 'traceability.md', 'traceability.csv', 'tests.csv']) fs.writeFileSync(path.join(dir, 'release-gate-evidence', f), `${f}\n`);
  return { dir, commit };
}
