/**
 * BUILD.md and build.json: how the release archive was made (IEC 62304 §5.8.4, §5.8.5): the source
 * (repository, ref, commit), the workflow run that built it, the runner, the tools, the time and the
 * gate's verdict. Pure: the environment, the time and the versions come in as arguments.
 */
import type { Evidence } from '../model/index.js';
import { escapeMarkdown } from '../report/escape.js';
import type { ApprovalRecord } from './approvals.js';
import type { ArchiveTime } from './archive-time.js';
import { MANIFEST_FILE } from './manifest.js';
import { ciProvenance } from './provenance.js';
import type { ResolvedVersion } from './version.js';

export const BUILD_SCHEMA = 'iec62304-release-gate/build@2';
export const BUILD_JSON = 'build.json';
export const BUILD_MARKDOWN = 'BUILD.md';
export const ACTION_NAME = 'iec62304-release-gate';

export interface BuildInputs {
  readonly env: NodeJS.ProcessEnv;
  /** The commit whose tree is in `source/` (40 hex digits). */
  readonly commit: string;
  readonly version: ResolvedVersion;
  /** File name of the archive. */
  readonly archive: string;
  readonly time: ArchiveTime;
  /** Version of the Node.js that built it, for example v24.1.0. */
  readonly nodeVersion: string;
  /** Version of this action (its package.json). */
  readonly actionVersion: string;
  readonly evidence: Evidence;
  /** The approvals of the run's deployment environments. */
  readonly approval: ApprovalRecord;
}

/** build.json. Absent values are null, never left out, so that every file has the same fields. */
export interface BuildInfo {
  readonly schema: string;
  readonly archive: string;
  readonly version: string;
  readonly versionSource: ResolvedVersion['source'];
  /** UTC, ISO 8601. */
  readonly created: string;
  readonly timeSource: ArchiveTime['source'];
  readonly source: {
    readonly repository: string | null;
    readonly ref: string | null;
    readonly commit: string;
    /** GITHUB_SHA when it is not the commit archived (a workflow that checked out another commit). */
    readonly eventCommit: string | null;
  };
  readonly workflow: {
    readonly name: string | null;
    readonly ref: string | null;
    readonly event: string | null;
    readonly runId: string | null;
    readonly runAttempt: string | null;
    readonly runUrl: string | null;
    readonly actor: string | null;
  };
  readonly runner: { readonly os: string | null; readonly arch: string | null; readonly node: string };
  /** This action: its package version, and the repository and ref of the `uses:` that ran it. */
  readonly action: { readonly name: string; readonly version: string; readonly repository: string | null; readonly ref: string | null };
  /** Who approved the deployment (environments with required reviewers); `none` when no review was required. */
  readonly approval: ApprovalRecord;
  readonly gate: {
    readonly verdict: Evidence['verdict'];
    /** Percent of requirements verified. */
    readonly coverage: number;
    readonly requirements: number;
    readonly tests: number;
    readonly evidenceSchema: string;
  };
}

export function buildInfo(input: BuildInputs): BuildInfo {
  const { env, evidence } = input;
  // GitHub, GitLab or Jenkins: the same fields, from each CI's own variables.
  const ci = ciProvenance(env);
  const sha = ci.commit;
  return {
    schema: BUILD_SCHEMA,
    archive: input.archive,
    version: input.version.version,
    versionSource: input.version.source,
    created: input.time.date.toISOString(),
    timeSource: input.time.source,
    source: {
      repository: ci.repository,
      ref: ci.ref,
      commit: input.commit,
      eventCommit: sha !== null && sha.toLowerCase() !== input.commit.toLowerCase() ? sha : null,
    },
    workflow: {
      name: ci.workflow,
      ref: value(env, 'GITHUB_WORKFLOW_REF'),
      event: value(env, 'GITHUB_EVENT_NAME'),
      runId: ci.runId,
      runAttempt: ci.runAttempt,
      runUrl: ci.runUrl,
      actor: ci.actor,
    },
    runner: { os: value(env, 'RUNNER_OS'), arch: value(env, 'RUNNER_ARCH'), node: input.nodeVersion },
    action: { name: ACTION_NAME, version: input.actionVersion, repository: value(env, 'GITHUB_ACTION_REPOSITORY'), ref: value(env, 'GITHUB_ACTION_REF') },
    approval: input.approval,
    gate: {
      verdict: evidence.verdict,
      coverage: evidence.coverage,
      requirements: evidence.requirements.length,
      tests: evidence.totals.tests,
      evidenceSchema: evidence.schema,
    },
  };
}

/** The web address of a GitHub workflow run (kept here for the callers of build-info). */
export { githubRunUrl as runUrl } from './provenance.js';

/** Two-space indented JSON with one trailing newline: same input, same bytes. */
export function renderBuildJson(info: BuildInfo): string {
  return `${JSON.stringify(info, null, 2)}\n`;
}

export function renderBuildMarkdown(info: BuildInfo): string {
  const rows: [string, string][] = [
    ['Archive', code(info.archive)],
    ['Version', `${code(info.version)} (${VERSION_SOURCE[info.versionSource]})`],
    ['Repository', code(info.source.repository)],
    ['Ref', code(info.source.ref)],
    ['Commit', code(info.source.commit)],
    ...(info.source.eventCommit !== null ? ([['Commit of the event (GITHUB_SHA)', code(info.source.eventCommit)]] as [string, string][]) : []),
    ['Workflow', text(info.workflow.name)],
    ['Workflow file', code(info.workflow.ref)],
    ['Event', code(info.workflow.event)],
    ['Run', info.workflow.runUrl === null ? NOT_SET : `<${info.workflow.runUrl}>`],
    ['Run attempt', code(info.workflow.runAttempt)],
    ['Actor', text(info.workflow.actor)],
    ['Runner OS', code(info.runner.os)],
    ['Runner architecture', code(info.runner.arch)],
    ['Node.js', code(info.runner.node)],
    ['Built by', `${code(info.action.name)} ${code(info.action.version)}${info.action.repository === null ? '' : ` (${code(`${info.action.repository}@${info.action.ref ?? ''}`)})`}`],
    ['Time (UTC)', `${code(info.created)} (${info.timeSource === 'SOURCE_DATE_EPOCH' ? 'from SOURCE_DATE_EPOCH' : 'committer time of the commit'})`],
    ['Approval', approvalText(info.approval)],
    ['Gate verdict', code(info.gate.verdict)],
    ['Requirements verified', `${info.gate.coverage} % of ${info.gate.requirements}`],
    ['Tests', String(info.gate.tests)],
  ];
  return [
    `# Release ${escapeMarkdown(info.version)}`,
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
    'Every time in the archive (file times, the gzip header, the time above) is this one time (the commit\'s committer time unless SOURCE_DATE_EPOCH was set), so the same commit, inputs and run give the same bytes.',
    '',
  ].join('\n');
}

const NOT_SET = '(not set)';

/** Who approved which environment, or that no approval is recorded and why. */
function approvalText(a: ApprovalRecord): string {
  if (a.status === 'none') return 'no approval recorded: the job ran in no environment with required reviewers';
  const reviews = a.reviews.map((r) => `${r.state} by ${text(r.reviewer)} for ${r.environments.map((e) => code(e)).join(', ')}${r.comment === '' ? '' : ` (${text(r.comment.replace(/\s+/g, ' '))})`}`);
  if (a.status === 'approved') return `${reviews.join('; ')} (GitHub records no time of a review; the run's log has it)`;
  return `no approval recorded: ${text(a.reason ?? 'unknown')}${reviews.length === 0 ? '' : ` (${reviews.join('; ')})`}`;
}

const VERSION_SOURCE: Record<BuildInfo['versionSource'], string> = {
  input: 'from the input `version`',
  'version-tag': 'the version tag on the commit',
  tag: 'from the tag of the ref',
  commit: 'short commit SHA',
};

function value(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

/** A machine value as a code span; text that cannot be one safely is escaped instead. */
function code(v: string | null): string {
  if (v === null) return NOT_SET;
  return /^[^`|\r\n]+$/.test(v) ? `\`${v}\`` : escapeMarkdown(v);
}

function text(v: string | null): string {
  return v === null ? NOT_SET : escapeMarkdown(v);
}
