/**
 * A real Git repository with two tagged releases, for the release record: v1.0.0, then v1.1.0 with a
 * requirement added, one reworded and one removed, an anomaly closed, controlled documents added,
 * modified, deleted, renamed and untouched, and a changelog section. Test reports are written on top,
 * uncommitted, as a workflow produces them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { git } from './git-repo.js';
import { makeWorkspace } from './workspace.js';

const requirements = (rows: readonly string[]): string => `| ID | Title |\n| --- | --- |\n${rows.map((r) => `${r}\n`).join('')}`;
const ANOMALY_HEAD = '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date | Impact |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';
const ANOM_1 = '| ANOM-1 | Rounding of the displayed dose | Low | Deferred | | Below the display resolution | Yes | J. Doe | 2026-09-30 | None: the delivered dose is exact |\n';

export const RELEASE_1 = {
  'requirements.md': requirements(['| SRS-001 | Compute the dose |', '| SRS-002 | Reject a negative weight |', '| SRS-003 | Alarm on occlusion |']),
  'anomalies.md': `${ANOMALY_HEAD}${ANOM_1}| ANOM-2 | Screen flickers at start | Low | Open | | Cosmetic | Yes | J. Doe | 2026-09-30 | None |\n`,
  'docs/architecture.md': '# Architecture\n\nOne process.\n',
  'docs/risk-analysis.md': '# Risk analysis\n',
  'docs/untouched.md': '# Never changed\n',
  'docs/old-name.md': '# A document that will be renamed\n\nIts text stays the same, so git sees a rename.\n',
  'src/dose.c': 'int dose(int mg) { return mg; }\n',
  'CHANGELOG.md': '# Changelog\n\n## [1.0.0] - 2026-10-01\n\n### Added\n\n- Dose computation.\n',
};

export const CHANGELOG_2 =
  '# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-11-20\n\n### Added\n\n- Dose log (SRS-004).\n\n### Changed\n\n- Zero weights are rejected too.\n\n## [1.0.0] - 2026-10-01\n\n### Added\n\n- Dose computation.\n\n[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0\n';

/** Reports for v1.1.0: every requirement of it verified. */
export const REPORTS = {
  'reports/unit.xml': '<testsuite name="unit"><testcase classname="dose" name="SRS-001 computes"/><testcase classname="dose" name="SRS-002 rejects"/><testcase classname="log" name="SRS-004 logs"/></testsuite>\n',
};

export interface ReleaseRepo {
  readonly dir: string;
  readonly v1: string;
  readonly head: string;
}

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Release Tester',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Tester',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Commits with a fixed author and date, so every SHA is the same in every run. */
function commit(dir: string, message: string, date: string): void {
  git(dir, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env: { ...process.env, ...GIT_IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' });
}

/**
 * The two releases; `extra` files are committed with v1.1.0 (a decision, an executive summary), and
 * `tagHead` false leaves HEAD untagged.
 */
export function makeReleaseRepo(extra: Record<string, string> = {}, options: { readonly changelog?: boolean; readonly tagHead?: boolean } = {}): ReleaseRepo {
  const dir = makeWorkspace(RELEASE_1);
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, 'First release', '2026-10-01T09:00:00Z');
  git(dir, 'tag', 'v1.0.0');
  const v1 = git(dir, 'rev-parse', 'HEAD');
  write(dir, 'requirements.md', requirements(['| SRS-001 | Compute the dose |', '| SRS-002 | Reject a negative or zero weight |', '| SRS-004 | Log every dose given |']));
  commit(dir, 'Reword SRS-002, replace the occlusion alarm by the dose log', '2026-11-02T09:00:00Z');
  write(dir, 'anomalies.md', `${ANOMALY_HEAD}${ANOM_1}| ANOM-2 | Screen flickers at start | Low | Closed | | Cosmetic | Yes | J. Doe | 2026-09-30 | None |\n`);
  commit(dir, 'Fix the start-up flicker (ANOM-2)', '2026-11-03T09:00:00Z');
  write(dir, 'docs/architecture.md', '# Architecture\n\nTwo processes: the pump and the log.\n');
  write(dir, 'docs/ui/screens.md', '# Screens\n\nThe dose log screen.\n');
  fs.rmSync(path.join(dir, 'docs/risk-analysis.md'));
  git(dir, 'mv', 'docs/old-name.md', 'docs/new-name.md');
  if (options.changelog !== false) write(dir, 'CHANGELOG.md', CHANGELOG_2);
  else fs.rmSync(path.join(dir, 'CHANGELOG.md'));
  for (const [file, text] of Object.entries(extra)) write(dir, file, text);
  commit(dir, 'Document the dose log', '2026-11-20T09:00:00Z');
  if (options.tagHead !== false) git(dir, 'tag', 'v1.1.0');
  const head = git(dir, 'rev-parse', 'HEAD');
  for (const [file, text] of Object.entries(REPORTS)) write(dir, file, text);
  return { dir, v1, head };
}

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}
