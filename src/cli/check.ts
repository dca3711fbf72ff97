/**
 * `release-gate check`: the action's gate from a command line (a laptop, GitLab CI, Jenkins). The
 * options become the action's raw inputs and are checked by the same code; the same `runGate` writes
 * the same evidence files; with `--archive`, a passing gate also builds the same release archive.
 */
import path from 'node:path';
import { settingsFromInputs } from '../action/settings.js';
import { isUserError } from '../errors.js';
import { findReports } from '../io/collect-reports.js';
import { EvidenceFiles } from '../io/evidence-sinks.js';
import { displayPath } from '../io/files.js';
import { checkReleaseIdentity } from '../release/identity/release-identity.js';
import { ciProvenance } from '../release/provenance.js';
import { EVIDENCE_FILES } from '../report/evidence.js';
import { contextOf, runGate } from '../run-gate.js';
import type { ParsedCheck } from './options.js';
import { inert, paint, renderTerminalSummary, terminalLog, type Terminal } from './terminal.js';

/** Exit codes of every command: 0 passed, 1 failed, 2 a usage or input error, 3 an internal error (a bug). */
export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where the archive goes when `--archive-dir` is not given, relative to the workspace. */
export const DEFAULT_ARCHIVE_DIR = 'release-archive';

export async function check(parsed: ParsedCheck, env: NodeJS.ProcessEnv, term: Terminal, version: string): Promise<number> {
  const workspace = path.resolve(parsed.workspace ?? process.cwd());
  const settings = settingsFromInputs(parsed.input, workspace);
  const reports = await findReports(settings.gate.reports, workspace);
  const ci = ciProvenance(env);
  const commit = ci.commit ?? (await headCommit(workspace));
  // The release identity as the action checks it, with the CI's commit and tag (GitLab, Jenkins) in
  // GitHub's names; on a laptop the commit is HEAD itself, so only the tag, tree and reports are checked.
  const identity = await checkReleaseIdentity({
    settings: settings.gate,
    workspace,
    env: { ...env, GITHUB_SHA: commit ?? '', ...(ci.ref ? { GITHUB_REF: ci.ref } : {}) },
    reports: reports.files,
    ...(settings.release.version === undefined ? {} : { versionInput: settings.release.version }),
  });
  const evidence = new EvidenceFiles(settings.gate.evidenceDir, workspace, env);
  const context = { ...contextOf(workspace, { ...ci, commit }, new Date()), ...(identity.tag === undefined ? {} : { tag: identity.tag }) };
  const outcome = await runGate(settings.gate, reports, evidence, context, terminalLog(term), identity.findings);
  const folder = await evidence.folder();
  const evidencePath = displayPath(path.join(folder, EVIDENCE_FILES.json), workspace);
  term.err('');
  for (const line of renderTerminalSummary(term, outcome.evidence, outcome.verdict, evidencePath)) term.out(line);
  if (!outcome.verdict.passed) return EXIT.failed;
  if (!parsed.archive) return EXIT.passed;

  // The release code loads only on this path, as in the action.
  const { archivedLists, release } = await import('../release/run-release.js');
  try {
    const built = await release({
      settings: { ...settings.release, upload: false },
      evidence: outcome.evidence,
      passed: true,
      workspace,
      evidenceDir: folder,
      reports: reports.files,
      lists: archivedLists(settings.gate, outcome.evidence),
      env,
      actionVersion: version,
      outputDir: path.resolve(workspace, parsed.archiveDir ?? DEFAULT_ARCHIVE_DIR),
      log: (line) => term.err(inert(line)),
    });
    term.out(`Release archive: ${inert(built.archivePath)}`);
    term.out(`SHA-256: ${built.sha256}`);
    return EXIT.passed;
  } catch (e) {
    if (!isUserError(e)) throw e;
    term.err(paint(term, 'red', `The release gate passed, but the release archive failed: ${inert(e.toString())}`));
    return EXIT.failed;
  }
}

/** HEAD of the workspace's repository for the evidence, when it is one; the archive asks for it again and insists. */
async function headCommit(workspace: string): Promise<string | null> {
  const { findCheckout } = await import('../release/git-source.js');
  try {
    return (await findCheckout(workspace)).commit;
  } catch (e) {
    if (!isUserError(e)) throw e;
    return null;
  }
}
