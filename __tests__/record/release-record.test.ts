/** The release record on real Git repositories with two tagged releases: the three files and the decision's findings. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReports } from '../../src/io/collect-reports.js';
import { EvidenceInMemory } from '../../src/io/memory-sinks.js';
import { runGate } from '../../src/run-gate.js';
import { readSettings } from '../../src/settings.js';
import { git } from '../support/git-repo.js';
import { QUIET_LOG } from '../support/gate-run.js';
import { makeReleaseRepo, RELEASE_1 } from '../support/release-repo.js';
import { makeWorkspace } from '../support/workspace.js';

const DECISION_PATH = 'docs/releases/{version}/change-decision.md';
const YES_APPROVED = '# Significant-change decision for 1.1.0\n\n- **Significant change:** yes\n- **Rationale:** The dose log is a new feature that stores therapy data.\n- **Decided by:** A. Regulatory, QA/RA\n- **Date:** 2026-11-19\n- **Notified body approval:** NB-0123 letter 2026-456\n';
const EXEC_SUMMARY = 'Version 1.1.0 adds a log of every dose given and rejects zero weights.\n';

interface Run {
  readonly files: ReadonlyMap<string, string>;
  readonly passed: boolean;
  readonly reasons: readonly { code: string; message: string }[];
  readonly warnings: readonly { code: string; message: string }[];
}

async function gate(dir: string, extra: Record<string, string> = {}): Promise<Run> {
  const values: Record<string, string> = { reports: 'reports/*.xml', requirements: 'requirements.md', anomalies: 'anomalies.md', ...extra };
  const settings = readSettings((name) => values[name] ?? '', dir);
  const reports = await findReports(settings.reports, dir);
  const sinks = new EvidenceInMemory();
  const outcome = await runGate(settings, reports, sinks, { workspace: dir, today: '2026-12-01', repository: 'acme/pump' }, QUIET_LOG);
  return { files: sinks.files, passed: outcome.verdict.passed, reasons: outcome.verdict.reasons, warnings: outcome.verdict.warnings };
}

const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

describe('the release record of v1.1.0 after v1.0.0', () => {
  it('change-summary.md: commits, documents, requirements and anomalies changed, the questions, the decision (golden)', async () => {
    const repo = makeReleaseRepo({ 'docs/releases/1.1.0/change-decision.md': YES_APPROVED, 'docs/releases/1.1.0/summary.md': EXEC_SUMMARY });
    const run = await gate(repo.dir, { 'change-decision': DECISION_PATH, 'executive-summary': 'docs/releases/1.1.0/summary.md' });
    expect(run.reasons).toEqual([]);
    expect(run.passed).toBe(true);
    expect(run.warnings).toEqual([]);
    const summary = run.files.get('change-summary.md')!;
    expect(summary).toContain(`v1.0.0, commit ${repo.v1}, 2026-10-01T09:00:00\\+00:00`);
    expect(summary).toContain('| Modified | docs/architecture.md |');
    expect(summary).toContain('| Added | docs/ui/screens.md |');
    expect(summary).toContain('| Deleted | docs/risk-analysis.md |');
    expect(summary).toContain('| Renamed | docs/old-name.md → docs/new-name.md |');
    expect(summary).not.toContain('untouched');
    expect(summary).toContain('| SRS-002 | Reject a negative weight | Reject a negative or zero weight |');
    expect(summary).toContain('| ANOM-2 | Screen flickers at start | closed | open | closed | Status |');
    await expect(summary).toMatchFileSnapshot('./__golden__/change-summary.md');
    await expect(run.files.get('release-notes.md')).toMatchFileSnapshot('./__golden__/release-notes.md');
    await expect(run.files.get('release-checklist.md')).toMatchFileSnapshot('./__golden__/release-checklist.md');
    // The HTML report shows the checklist too.
    const html = run.files.get('traceability.html')!;
    expect(html).toContain('<h2 id="checklist">Release checklist (IEC 62304 §5.8)</h2>');
    expect(html).toContain('<td>5.8.6</td><td>Ensure activities and tasks are complete</td><td>Not checked by the gate:');
  });

  it('release-notes.md without a changelog: the commit subjects since v1.0.0', async () => {
    const repo = makeReleaseRepo({}, { changelog: false });
    const run = await gate(repo.dir);
    const notes = run.files.get('release-notes.md')!;
    expect(notes).toContain('The commit subjects since v1.0.0 (no changelog section for this version):');
    expect(notes).toContain('- Fix the start-up flicker \\(ANOM-2\\)');
    expect(notes).toContain('### ANOM-1: Rounding of the displayed dose');
    expect(notes).not.toContain('ANOM-2:');
  });

  it('without change-decision: the questions are undecided and the gate warns, but passes', async () => {
    const run = await gate(makeReleaseRepo().dir);
    expect(run.passed).toBe(true);
    expect(codes(run.warnings)).toEqual(['change-decision']);
    expect(run.warnings[0]!.message).toContain('input "change-decision" is not set');
    expect(run.files.get('change-summary.md')).toContain('**Undecided:** no decision was given');
    expect(run.files.get('change-summary.md')).toContain('PLACEHOLDER: no executive summary was given');
  });

  it.each([
    ['no, significant', '- Significant change: no\n- Rationale: Only a log is added; no therapy changes.\n- Decided by: A. Regulatory\n- Date: 2026-11-19\n', []],
    ['yes without approval', '- Significant change: yes\n- Rationale: A new feature.\n- Decided by: A. Regulatory\n- Date: 2026-11-19\n', ['"Notified body approval" is missing']],
    ['yes with a placeholder approval', 'Significant change: yes\nRationale: A new feature.\nDecided by: A. Regulatory\nDate: 2026-11-19\nNotified body approval: TBD\n', ['"Notified body approval" is "TBD", a placeholder']],
    ['placeholder fields', '| Field | Value |\n| --- | --- |\n| Significant change | yes |\n| Rationale | TODO |\n| Decided by | [Name] |\n| Date | 2026-11-19 |\n| Notified body approval | NB-1 |\n', ['"Rationale" is "TODO", a placeholder', '"Decided by" is "[Name]", a placeholder']],
    ['a future date', '- Significant change: no\n- Rationale: Only a log.\n- Decided by: A. Regulatory\n- Date: 2027-01-05\n', ['"Date" is 2027-01-05, after today (2026-12-01)']],
    ['an invalid date and no answer', '- Significant change: maybe\n- Rationale: Only a log.\n- Decided by: A. Regulatory\n- Date: 19.11.2026\n', ['"Significant change" is "maybe"; it must be yes or no', '"Date" is "19.11.2026", not a date']],
  ])('a decision %s', async (_name, decision, problems) => {
    const repo = makeReleaseRepo({ 'docs/releases/1.1.0/change-decision.md': decision });
    const run = await gate(repo.dir, { 'change-decision': DECISION_PATH });
    expect(run.passed).toBe(problems.length === 0);
    expect(run.reasons.every((r) => r.code === 'change-decision')).toBe(true);
    expect(run.reasons).toHaveLength(problems.length);
    for (const [i, p] of problems.entries()) {
      expect(run.reasons[i]!.message).toContain('docs/releases/1.1.0/change-decision.md');
      expect(run.reasons[i]!.message).toContain(p);
    }
    if (problems.length > 0) expect(run.files.get('release-checklist.md')).toMatch(/Decide whether the release is a significant change \| .* \| ❌ failed/);
  });

  it('a decision in YAML', async () => {
    const yaml = 'Significant change: no\nRationale: Only a log is added.\nDecided by: A. Regulatory\nDate: 2026-11-19\n';
    const repo = makeReleaseRepo({ 'docs/releases/1.1.0/change-decision.yml': yaml });
    const run = await gate(repo.dir, { 'change-decision': 'docs/releases/{version}/change-decision.yml' });
    expect(run.reasons).toEqual([]);
    expect(run.files.get('change-summary.md')).toContain('| Significant change | no |');
  });

  it('a missing decision file fails the gate, naming the file', async () => {
    const run = await gate(makeReleaseRepo().dir, { 'change-decision': DECISION_PATH });
    expect(run.passed).toBe(false);
    expect(codes(run.reasons)).toEqual(['change-decision']);
    expect(run.reasons[0]!.message).toContain('docs/releases/1.1.0/change-decision.md');
    // The record is written all the same.
    expect(run.files.get('change-summary.md')).toContain('**Undecided.**');
  });

  it('{version} without a version tag on HEAD fails, saying why', async () => {
    const run = await gate(makeReleaseRepo({}, { tagHead: false }).dir, { 'change-decision': DECISION_PATH });
    expect(run.reasons[0]!.message).toContain('HEAD has no version tag');
  });

  it('a named executive summary that does not exist fails the gate', async () => {
    const run = await gate(makeReleaseRepo().dir, { 'executive-summary': 'docs/nowhere.md' });
    expect(codes(run.reasons)).toEqual(['release-record']);
    expect(run.reasons[0]!.message).toContain('docs/nowhere.md');
  });

  it('previous-release names the tag to compare with; an unknown one fails', async () => {
    const repo = makeReleaseRepo();
    git(repo.dir, 'tag', 'v0.9.0', `${repo.v1}`);
    const named = await gate(repo.dir, { 'previous-release': 'v1.0.0' });
    expect(named.files.get('change-summary.md')).toContain('| Previous release | v1.0.0,');
    const unknown = await gate(repo.dir, { 'previous-release': 'v0.1.0' });
    expect(codes(unknown.reasons)).toEqual(['release-history']);
    expect(unknown.reasons[0]!.message).toContain('input "previous-release" is "v0.1.0", but no such tag is in the checkout');
  });

  it('tag-pattern decides which tags are releases', async () => {
    const repo = makeReleaseRepo();
    git(repo.dir, 'tag', 'pump-1.0.0', repo.v1);
    git(repo.dir, 'tag', 'pump-1.1.0');
    const run = await gate(repo.dir, { 'tag-pattern': 'pump-*' });
    expect(run.files.get('change-summary.md')).toContain('| Previous release | pump-1.0.0,');
  });
});

describe('suspect requirements', () => {
  const withFiles = '<testsuite name="unit"><testcase classname="dose" name="SRS-001 computes" file="docs/architecture.md"/><testcase classname="dose" name="SRS-002 rejects" file="src/dose.c"/><testcase classname="log" name="SRS-004 logs"/></testsuite>\n';

  it('a reworded requirement whose tests\' files did not change is listed and warns; fail makes it a reason', async () => {
    const repo = makeReleaseRepo();
    fs.writeFileSync(path.join(repo.dir, 'reports/unit.xml'), withFiles);
    const run = await gate(repo.dir);
    expect(codes(run.warnings)).toEqual(['change-decision', 'suspect-requirement']);
    expect(run.warnings[1]!.message).toContain("SRS-002 was reworded since v1.0.0, but none of its tests' files changed (src/dose.c)");
    expect(run.files.get('change-summary.md')).toContain('### Suspect requirements (1)');
    expect(run.files.get('change-summary.md')).toContain('| SRS-002 | src/dose.c |');
    const failing = await gate(repo.dir, { 'suspect-requirements': 'fail' });
    expect(codes(failing.reasons)).toEqual(['suspect-requirement']);
  });

  it('a reworded requirement whose test file changed is not suspect, nor one whose tests name no file', async () => {
    const repo = makeReleaseRepo();
    fs.writeFileSync(path.join(repo.dir, 'reports/unit.xml'), withFiles.replace('file="src/dose.c"', 'file="docs/architecture.md"'));
    expect(codes((await gate(repo.dir)).warnings)).toEqual(['change-decision']);
    fs.writeFileSync(path.join(repo.dir, 'reports/unit.xml'), withFiles.replace(' file="src/dose.c"', ''));
    expect(codes((await gate(repo.dir)).warnings)).toEqual(['change-decision']);
  });
});

describe('a first release, and a shallow clone', () => {
  it('a first release says so: every controlled document is added, nothing is compared', async () => {
    const dir = makeWorkspace({ ...RELEASE_1, 'reports/unit.xml': '<testsuite><testcase name="SRS-001 a"/><testcase name="SRS-002 b"/><testcase name="SRS-003 c"/></testsuite>' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'requirements.md', 'anomalies.md', 'docs', 'src', 'CHANGELOG.md');
    git(dir, 'commit', '-q', '-m', 'First release');
    git(dir, 'tag', 'v1.0.0');
    const run = await gate(dir);
    expect(run.reasons).toEqual([]);
    const summary = run.files.get('change-summary.md')!;
    expect(summary).toContain('| Previous release | none: this is the first release (no version tag before HEAD) |');
    expect(summary).toContain('| Added | docs/untouched.md |');
    expect(summary).toContain('## Requirements\n\nNo previous release to compare with.');
    expect(run.files.get('release-notes.md')).toContain('### [1.0.0] - 2026-10-01');
  });

  it('a shallow clone without the previous tag fails with a message naming fetch-depth: 0', async () => {
    const repo = makeReleaseRepo();
    const clone = makeWorkspace({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo.dir}`, '.');
    git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'tag', 'v1.1.0');
    for (const [file, text] of Object.entries({ 'reports/unit.xml': '<testsuite><testcase name="SRS-001 a"/><testcase name="SRS-002 b"/><testcase name="SRS-004 c"/></testsuite>' })) {
      const fs = await import('node:fs');
      fs.mkdirSync(`${clone}/reports`, { recursive: true });
      fs.writeFileSync(`${clone}/${file}`, text);
    }
    const run = await gate(clone);
    expect(run.passed).toBe(false);
    expect(codes(run.reasons)).toContain('release-history');
    const reason = run.reasons.find((r) => r.code === 'release-history')!;
    expect(reason.message).toContain('shallow clone');
    expect(reason.message).toContain('fetch-depth: 0');
  });
});

describe('release notes: what a premarket submission lists for each residual anomaly', () => {
  it('how it was discovered, its root cause, impact and mitigation or workaround, when the list has the columns', async () => {
    const anomalies =
      '| ID | Title | Severity | Status | Tests | Justification | Acceptable | Assessed By | Assessment Date | How discovered | Root cause | Impact | Workaround |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      '| ANOM-1 | Rounding of the displayed dose | Low | Deferred | | Below the display resolution | Yes | J. Doe | 2026-09-30 | System test ST-12 | Integer division in the display | None: the delivered dose is exact | Read the dose from the log |\n';
    const repo = makeReleaseRepo({ 'anomalies.md': anomalies });
    const run = await gate(repo.dir);
    const notes = run.files.get('release-notes.md')!;
    expect(notes).toContain('System test ST-12');
    expect(notes).toContain('Integer division in the display');
    expect(notes).toContain('Read the dose from the log');
    expect(notes.indexOf('How discovered')).toBeLessThan(notes.indexOf('Mitigation or workaround'));
  });
});
