/**
 * The release archive (IEC 62304 §5.8.4–5.8.8), for the caller to run after the gate passed: archive
 * the commit with its evidence, upload it as a workflow artifact, optionally attach it to a GitHub
 * Release, and say what was done. Nothing is built for a gate that did not pass.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { fileSystemFault } from '../system-faults.js';
import { EVIDENCE_FILES } from '../report/evidence.js';
import type { Evidence } from '../model/index.js';
import type { Settings } from '../settings.js';
import { readApprovals } from './approvals.js';
import { archiveTime } from './archive-time.js';
import { BUILD_JSON, BUILD_MARKDOWN, buildInfo, renderBuildJson, renderBuildMarkdown } from './build-info.js';
import { findCheckout } from './git-source.js';
import { attachToRelease, checkReleaseAccess, type AttachedAsset } from './release-asset.js';
import type { ReleaseSettings } from './settings.js';
import { ciProvenance } from './provenance.js';
import { renderReleaseSummary } from './summary.js';
import { checkArtifactService, uploadArtifact, type UploadedArtifact } from './upload-artifact.js';
import { archiveFileName, resolveArchiveName, resolveVersion } from './version.js';

/** The inputs archived beside the reports: the requirement and anomaly lists, and the SOUP list and SBOMs as the check read them. */
export function archivedLists(settings: Settings, evidence: Evidence): string[] {
  return [
    settings.requirements,
    ...(settings.anomalies !== undefined ? [settings.anomalies] : []),
    ...(evidence.soup !== undefined ? [evidence.soup.list, ...evidence.soup.sboms.map((s) => s.file)] : []),
  ];
}

export interface ReleaseArgs {
  readonly settings: ReleaseSettings;
  readonly evidence: Evidence;
  /** The gate's verdict: the archive is built only when it passed. */
  readonly passed: boolean;
  readonly workspace: string;
  /** Folder holding the evidence files the gate wrote. */
  readonly evidenceDir: string;
  /** Names of those files; all the gate writes (EVIDENCE_FILES) when not given; missing ones are skipped. */
  readonly evidenceFiles?: readonly string[];
  /** The test reports the gate read (absolute, or relative to the workspace). */
  readonly reports: readonly string[];
  /** The input files the gate read beside the reports (`archivedLists`), absolute or relative to the workspace. */
  readonly lists: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Version of this action (package.json). */
  readonly actionVersion: string;
  /** Token for release-tag (`contents: write`). */
  readonly token?: string;
  /** Folder the archive is written to; `$RUNNER_TEMP/release-archive` when not given. */
  readonly outputDir?: string;
  /** Progress lines (core.info). */
  readonly log?: (line: string) => void;
  /** Node version recorded in build.json; this process's when not given. */
  readonly nodeVersion?: string;
}

/** The action's outputs about the archive: archive-path, archive-sha256, artifact-id, artifact-url (empty when not done). */
export type ReleaseOutputs = Readonly<Record<'archive-path' | 'archive-sha256' | 'artifact-id' | 'artifact-url', string>>;

/**
 * The release failed after its archive was written (the upload or the GitHub Release failed): the
 * archive stays on the runner, and the outputs still name it.
 */
export class ReleaseIncomplete extends UserError {
  constructor(
    message: string,
    readonly outputs: ReleaseOutputs,
  ) {
    super(message);
  }
}

export interface ReleaseResult {
  /** Absolute path of the .tar.gz. */
  readonly archivePath: string;
  /** Its file name. */
  readonly archive: string;
  readonly sha256: string;
  readonly size: number;
  readonly version: string;
  readonly commit: string;
  readonly artifact?: UploadedArtifact;
  readonly releaseAsset?: AttachedAsset;
  readonly outputs: ReleaseOutputs;
  /** Markdown paragraph for the job summary. */
  readonly summary: string;
}

export async function release(args: ReleaseArgs): Promise<ReleaseResult> {
  if (!args.passed || args.evidence.verdict !== 'pass') {
    throw new Error('the release archive is built only for a gate that passed');
  }
  const { settings, env } = args;
  const log = args.log ?? (() => undefined);
  const token = args.token ?? '';

  // Configuration mistakes are reported before anything is built.
  if (settings.upload) checkArtifactService(env);
  if (settings.releaseTag !== undefined) checkReleaseAccess(token, env['GITHUB_REPOSITORY'] ?? '', settings.releaseTag);
  archiveTime(env, new Date(0)); // a malformed SOURCE_DATE_EPOCH is refused before anything is read

  const checkout = await findCheckout(args.workspace);
  // The tag and repository of the CI that runs the release (GitHub, GitLab, Jenkins), when there is one.
  const ci = ciProvenance(env);
  // Every time in the archive is SOURCE_DATE_EPOCH, else the commit's: the same commit gives the same bytes.
  const time = archiveTime(env, checkout.committed);
  const version = resolveVersion(settings.version, ci.ref ?? undefined, checkout.commit, args.evidence.provenance.tag);
  const archive = archiveFileName(resolveArchiveName(settings.archiveName, ci.repository ?? undefined, path.basename(checkout.root)), version.version);
  const approval = await readApprovals(token, env);
  if (approval.status === 'unread') log(`Approval not recorded: ${approval.reason ?? ''}`);
  const info = buildInfo({
    approval,
    env,
    commit: checkout.commit,
    version,
    archive,
    time,
    nodeVersion: args.nodeVersion ?? process.version,
    actionVersion: args.actionVersion,
    evidence: args.evidence,
  });

  const outputDir = path.resolve(args.workspace, args.outputDir ?? path.join(env['RUNNER_TEMP'] || os.tmpdir(), 'release-archive'));
  const scratch = env['RUNNER_TEMP'] || os.tmpdir();
  log(`Archiving commit ${checkout.commit} with its evidence as ${archive} (time ${time.date.toISOString()}${time.source === 'SOURCE_DATE_EPOCH' ? ' from SOURCE_DATE_EPOCH' : ''})`);
  // The archive writer (and node-tar) loads only once there is a checkout to archive.
  const { buildArchive } = await import('./archive.js');
  const built = await buildArchive(
    {
      checkout,
      workspace: args.workspace,
      evidenceDir: args.evidenceDir,
      evidenceFiles: args.evidenceFiles ?? Object.values(EVIDENCE_FILES),
      reports: args.reports,
      lists: args.lists,
      generated: {
        [BUILD_MARKDOWN]: renderBuildMarkdown(info),
        [BUILD_JSON]: renderBuildJson(info),
      },
      time: time.date,
    },
    path.join(outputDir, archive),
    scratch,
  );
  log(`Release archive ${built.path}: ${built.size} bytes, ${built.files} files, SHA-256 ${built.sha256}`);

  let artifact: UploadedArtifact | undefined;
  const outputs = (): ReleaseOutputs => ({
    'archive-path': built.path,
    'archive-sha256': built.sha256,
    'artifact-id': artifact === undefined ? '' : String(artifact.id),
    'artifact-url': artifact?.url ?? '',
  });
  // From here on the archive is on disk: a failure says so, and the outputs keep naming it.
  const incomplete = (e: unknown): never => {
    if (!isUserError(e)) throw e;
    const uploaded = artifact === undefined ? '' : ` (it was uploaded as the artifact ${artifact.name})`;
    const kept = e.message.includes(built.path) ? '' : `. The release archive is still on the runner at ${built.path}${uploaded}`;
    throw new ReleaseIncomplete(`${e.message}${kept}`, outputs());
  };
  if (settings.upload) {
    const name = settings.artifactName ?? archive;
    log(`Uploading ${archive} as the artifact ${name}`);
    artifact = await uploadArtifact(built.path, { name, env, ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}) }).catch(incomplete);
  }

  let releaseAsset: AttachedAsset | undefined;
  if (settings.releaseTag !== undefined) {
    // The release notes of the record become the release's body when it has none.
    const notes = await fs.readFile(path.join(args.evidenceDir, EVIDENCE_FILES.releaseNotes), 'utf8').catch(() => undefined);
    log(`Attaching ${archive} to the GitHub Release ${settings.releaseTag}`);
    releaseAsset = await attachToRelease({
      token,
      ...(env['GITHUB_API_URL'] ? { apiUrl: env['GITHUB_API_URL'] } : {}),
      repository: env['GITHUB_REPOSITORY'] ?? '',
      tag: settings.releaseTag,
      name: archive,
      data: await fs.readFile(built.path).catch((e: unknown) => incomplete(fileSystemFault(e, `the release archive ${built.path} could not be read back`) ?? e)),
      contentType: 'application/gzip',
      ...(notes !== undefined ? { notes } : {}),
    }).catch(incomplete);
    if (releaseAsset.notesWritten) log(`The GitHub Release ${settings.releaseTag} had no description: ${EVIDENCE_FILES.releaseNotes} is now its body`);
  }

  return {
    archivePath: built.path,
    archive,
    sha256: built.sha256,
    size: built.size,
    version: version.version,
    commit: checkout.commit,
    ...(artifact !== undefined ? { artifact } : {}),
    ...(releaseAsset !== undefined ? { releaseAsset } : {}),
    outputs: outputs(),
    summary: renderReleaseSummary({
      archive,
      sha256: built.sha256,
      path: built.path,
      ...(artifact !== undefined ? { artifact } : {}),
      ...(settings.retentionDays !== undefined ? { retentionDays: settings.retentionDays } : {}),
      ...(releaseAsset !== undefined ? { releaseAsset: { tag: settings.releaseTag!, url: releaseAsset.url } } : {}),
    }),
  };
}
