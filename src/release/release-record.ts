/**
 * The record phase: what the release record is made of, read from git and the files the inputs name
 * (the previous release, the lists as they were at its tag, the decision, the executive summary, the
 * changelog), with the findings of what is missing or wrong. The three files are rendered from it
 * once the verdict is known (`report/change-summary.ts`, `release-notes.ts`, `release-checklist.ts`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkDecision, markdownDecisionFields, type FoundFields } from '../catalogue/change-decision.js';
import { readAnomalies } from '../catalogue/read-anomalies.js';
import { readRequirements } from '../catalogue/read-requirements.js';
import { readSoupList } from '../catalogue/read-soup.js';
import { diffSoup } from '../gate/soup-diff.js';
import { isUserError, UserError } from '../errors.js';
import type { Lists } from '../evaluate.js';
import { displayPath, readInsideWorkspace } from '../io/files.js';
import { loadTableReader, readListFile } from '../io/read-list.js';
import type { RunLog } from '../io/run-log.js';
import type { AnomalyChange, DecisionState, Finding, QuotedFile, ReleaseHistory, ReleaseRecord, RequirementChange, SoupChanges, SoupList } from '../model/index.js';
import { changelogSection } from '../record/changelog.js';
import { anomalyChanges, requirementChanges } from '../record/list-changes.js';
import type { Settings } from '../settings.js';
import { suspectRequirements } from '../record/suspects.js';
import { toRepoPath } from '../report/annotations.js';
import { changedSince, fileAtCommit, NotACheckout, readHistory } from './git-history.js';
import { tagScheme, tagVersion } from './version-tag.js';

/** What the record phase gives: the record, and the findings the gate judges. */
export interface RecordRead {
  readonly record: ReleaseRecord;
  readonly findings: readonly Finding[];
}

/** The changelog read when input `changelog` is not set, if it exists. */
export const DEFAULT_CHANGELOG = 'CHANGELOG.md';
/** Largest decision, executive summary or changelog read (they are short documents). */
const DOCUMENT_BYTES = 4 * 1024 * 1024;

export async function readRecord(settings: Settings, workspace: string, today: string, lists: Lists, log: RunLog): Promise<RecordRead> {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const { record: input } = settings;

  let history: ReleaseHistory | undefined;
  let historyProblem: string | undefined;
  try {
    history = await readHistory(workspace, {
      scheme: tagScheme(input.tagPattern),
      ...(input.previousRelease !== undefined ? { previous: input.previousRelease } : {}),
      documentGlobs: input.controlledDocuments,
    });
    log.untrusted(
      history.previous === undefined
        ? 'First release: no version tag before HEAD'
        : `Previous release ${history.previous.tag} (${history.previous.commit.slice(0, 12)}): ${history.commits.length + history.moreCommits} commits, ${history.documents.length} controlled documents changed since`,
    );
  } catch (e) {
    if (!isUserError(e)) throw e;
    historyProblem = e.message;
    // Outside a Git checkout there is no release to record; the identity checks fail such a run.
    findings.push({ code: 'release-history', message: `the release record is incomplete: ${e.message}`, blocking: !(e instanceof NotACheckout) });
  }
  const version = history?.headTag === undefined ? undefined : tagVersion(history.headTag);

  let requirements: RequirementChange[] | undefined;
  let anomalies: AnomalyChange[] | undefined;
  if (history?.previous !== undefined) {
    const { tag, commit } = history.previous;
    if (lists.requirements !== undefined) {
      const before = await listAtTag(workspace, commit, tag, settings.requirements, 'the requirements list', notes, findings, (source) => readRequirements(source, { pattern: settings.requirementPattern }));
      if (before === 'absent') requirements = requirementChanges({ file: '', requirements: [] }, lists.requirements);
      else if (before !== undefined) requirements = requirementChanges(before, lists.requirements);
    }
    if (settings.anomalies !== undefined) {
      const before = await listAtTag(workspace, commit, tag, settings.anomalies, 'the anomaly list', notes, findings, readAnomalies);
      const now = lists.anomalies.filter((l) => !l.file.startsWith('issues labelled'));
      if (before === 'absent') anomalies = anomalyChanges([], now);
      else if (before !== undefined) anomalies = anomalyChanges([before], now);
    }
    if (settings.anomalyLabel !== undefined) notes.push(`Anomalies recorded as GitHub issues (label "${settings.anomalyLabel}") are not compared with the previous release: their history is in the issues.`);
  }

  const soup = settings.soup === undefined ? undefined : await soupChanges(workspace, settings.soup.list, history, notes, findings);

  const decision = await readDecision(input.changeDecision, version, workspace, today, findings);
  const executiveSummary = input.executiveSummary === undefined ? undefined : await readQuoted(input.executiveSummary, workspace, 'the executive summary (input "executive-summary")', findings);
  let changelogSectionFile: QuotedFile | undefined;
  const changelogFile = input.changelog ?? ((await exists(path.resolve(workspace, DEFAULT_CHANGELOG))) ? DEFAULT_CHANGELOG : undefined);
  if (changelogFile !== undefined) {
    const changelog = await readQuoted(changelogFile, workspace, `the changelog${input.changelog === undefined ? '' : ' (input "changelog")'}`, findings);
    if (changelog !== undefined && version !== undefined) {
      const section = changelogSection(changelog.text, version);
      if (section !== undefined) changelogSectionFile = { file: changelog.file, text: section };
      else notes.push(`${changelog.file} has no section for version ${version}: the release notes list the commit subjects instead.`);
    }
  }

  return {
    record: {
      ...(version !== undefined ? { version } : {}),
      ...(history !== undefined ? { history } : {}),
      ...(historyProblem !== undefined ? { historyProblem } : {}),
      ...(requirements !== undefined ? { requirements } : {}),
      ...(anomalies !== undefined ? { anomalies } : {}),
      ...(settings.soup === undefined ? {} : { soupChanges: (soup?.upgraded ?? []).filter((u) => u.major).map((u) => `${u.name} ${u.from} → ${u.to}`) }),
      ...(soup !== undefined ? { soup } : {}),
      notes,
      decision,
      ...(executiveSummary !== undefined ? { executiveSummary } : {}),
      ...(changelogSectionFile !== undefined ? { changelogSection: changelogSectionFile } : {}),
    },
    findings,
  };
}

/**
 * The SOUP list now against the SOUP list at the previous tag: the components each release documents
 * (the SBOMs are made in the run, not kept in git). Undefined when there is nothing to compare with, or
 * a list cannot be read (the SOUP phase says why of today's; a note says why of the previous one).
 */
async function soupChanges(workspace: string, file: string, history: ReleaseHistory | undefined, notes: string[], findings: Finding[]): Promise<SoupChanges | undefined> {
  let now: SoupList;
  try {
    now = readSoupList(await readListFile(file, workspace, 'the SOUP list'));
  } catch (e) {
    if (!isUserError(e)) throw e;
    return undefined;
  }
  const previous = history?.previous;
  if (previous === undefined) return undefined;
  const before = await listAtTag(workspace, previous.commit, previous.tag, file, 'the SOUP list', notes, findings, readSoupList);
  if (before === undefined) return undefined;
  const items = (l: SoupList): { name: string; version: string }[] => l.rows.map((r) => ({ name: r.name, version: r.version }));
  return diffSoup(before === 'absent' ? [] : items(before), items(now));
}

/**
 * A list as it was at the previous tag, read from git: 'absent' when the file did not exist then (every
 * entry is new), undefined when it could not be read (a note and a warning say why).
 */
async function listAtTag<T>(
  workspace: string,
  commit: string,
  tag: string,
  file: string,
  what: string,
  notes: string[],
  findings: Finding[],
  read: (source: { file: string; text: string; reader: Awaited<ReturnType<typeof loadTableReader>> }) => T,
): Promise<T | 'absent' | undefined> {
  const shown = displayPath(path.resolve(workspace, file), workspace);
  try {
    const text = await fileAtCommit(workspace, commit, shown);
    if (text === undefined) {
      notes.push(`${shown} did not exist at ${tag}: every entry of ${what} is new in this release.`);
      return 'absent';
    }
    return read({ file: `${shown} at ${tag}`, text, reader: await loadTableReader(file) });
  } catch (e) {
    if (!isUserError(e)) throw e;
    const why = e.problems.map((p) => p.toString()).join('; ');
    notes.push(`${what} at ${tag} could not be read, so its changes are not listed: ${why}`);
    findings.push({ code: 'release-history', message: `the release record cannot compare ${what} with the previous release ${tag}: ${why}`, blocking: false, file: shown });
    return undefined;
  }
}

/** The decision named by `change-decision`, or a warning that none was asked for. */
async function readDecision(configured: string | undefined, version: string | undefined, workspace: string, today: string, findings: Finding[]): Promise<DecisionState> {
  if (configured === undefined) {
    findings.push({
      code: 'change-decision',
      message: 'input "change-decision" is not set, so this release has no significant-change decision: the release record shows the MDCG 2020-3 questions as undecided; give the path of the decision file (for example "docs/releases/{version}/change-decision.md")',
      blocking: false,
    });
    return { state: 'not-configured' };
  }
  const fail = (file: string, problems: readonly { message: string; line?: number }[]): DecisionState => {
    for (const p of problems) findings.push({ code: 'change-decision', message: `the significant-change decision ${file}: ${p.message}`, blocking: true, file, ...(p.line !== undefined ? { line: p.line } : {}) });
    return { state: 'invalid', file, problems: problems.map((p) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`)) };
  };
  if (configured.includes('{version}') && version === undefined) {
    return fail(configured, [{ message: 'the path holds {version}, but HEAD has no version tag to take the version from; tag the release commit (for example v1.4.0)' }]);
  }
  const file = configured.split('{version}').join(version ?? '');
  const ext = path.extname(file).toLowerCase();
  if (!['.md', '.markdown', '.yml', '.yaml'].includes(ext)) return fail(file, [{ message: 'a decision is a Markdown (.md) or YAML (.yml, .yaml) file; give such a file in input "change-decision"' }]);
  let text: string;
  try {
    text = await readText(file, workspace, 'the significant-change decision (input "change-decision")');
  } catch (e) {
    if (!isUserError(e)) throw e;
    return fail(displayPath(path.resolve(workspace, file), workspace), [{ message: `${e.message}; write the decision for version ${version ?? '(untagged)'} and commit it` }]);
  }
  const shown = displayPath(path.resolve(workspace, file), workspace);
  let found: FoundFields;
  try {
    found = ext === '.md' || ext === '.markdown' ? markdownDecisionFields(text) : (await import('../catalogue/change-decision-yaml.js')).yamlDecisionFields(shown, text);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return fail(shown, e.problems.map((p) => ({ message: p.message, ...(p.line !== undefined ? { line: p.line } : {}) })));
  }
  const checked = checkDecision(found, today);
  if (!checked.ok) return fail(shown, checked.problems);
  return { state: 'decided', decision: { ...checked.decision, file: shown } };
}

/** A Markdown document the record quotes; a named file that cannot be read is a blocking finding. */
async function readQuoted(file: string, workspace: string, what: string, findings: Finding[]): Promise<QuotedFile | undefined> {
  const shown = displayPath(path.resolve(workspace, file), workspace);
  try {
    return { file: shown, text: await readText(file, workspace, what) };
  } catch (e) {
    if (!isUserError(e)) throw e;
    findings.push({ code: 'release-record', message: e.message.includes(shown) ? e.message : `${shown}: ${e.message}`, blocking: true, file: shown });
    return undefined;
  }
}

async function readText(file: string, workspace: string, what: string): Promise<string> {
  const bytes = await readInsideWorkspace(file, workspace, what);
  if (bytes.byteLength > DOCUMENT_BYTES) throw new UserError(`${what} is ${bytes.byteLength} bytes, more than the ${DOCUMENT_BYTES / 1024 / 1024} MiB a document of the release record may hold`, { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${what} is not UTF-8 text; save it as UTF-8`, { file });
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The requirements reworded since the previous release: the gate keeps their tests' files as it traces. */
export function rewordedRequirements(record: ReleaseRecord): string[] {
  return (record.requirements ?? []).filter((c) => c.kind === 'changed').map((c) => c.id);
}

/**
 * After the trace: the reworded requirements none of whose tests' files changed since the previous
 * release, added to the record, with a finding each (a warning, or a reason with `suspect-requirements: fail`).
 */
export async function withSuspects(read: RecordRead, testFiles: ReadonlyMap<string, ReadonlySet<string>>, settings: Settings, workspace: string): Promise<RecordRead> {
  const previous = read.record.history?.previous;
  if (previous === undefined || read.record.requirements === undefined || testFiles.size === 0) return read;
  const repoFiles = new Map<string, Set<string>>();
  for (const [id, files] of testFiles) {
    const mapped = new Set<string>();
    for (const f of files) {
      const p = toRepoPath(f, workspace);
      if (p !== undefined) mapped.add(p);
    }
    repoFiles.set(id, mapped);
  }
  let changed: Set<string>;
  try {
    changed = await changedSince(workspace, previous.commit, [...new Set([...repoFiles.values()].flatMap((s) => [...s]))]);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { ...read, findings: [...read.findings, { code: 'suspect-requirement', message: `suspect requirements could not be looked for: ${e.message}`, blocking: settings.record.suspectRequirements === 'fail' }] };
  }
  const suspects = suspectRequirements(read.record.requirements, repoFiles, changed);
  const findings = suspects.map(
    (s): Finding => ({
      code: 'suspect-requirement',
      message: `${s.id} was reworded since ${previous.tag}, but none of its tests' files changed (${s.testFiles.join(', ')}): its tests may verify the old text; review them${settings.record.suspectRequirements === 'fail' ? ' (suspect-requirements: fail)' : ''}`,
      blocking: settings.record.suspectRequirements === 'fail',
    }),
  );
  return { record: { ...read.record, suspects }, findings: [...read.findings, ...findings] };
}
