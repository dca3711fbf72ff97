import { UserError } from './errors.js';
import { RISK_LEVELS, riskRank } from './gate/soup-terms.js';
import type { IdVariants, SoupPolicy, UntracedTestsPolicy } from './model/index.js';
import { isInside } from './workspace-path.js';
import { compileRequirementPattern, DEFAULT_REQUIREMENT_PATTERN } from './trace/requirement-ids.js';

/** Every input of the action, read and checked once. */
export interface Settings {
  /** Glob patterns, one per line; a leading `!` excludes. */
  readonly reports: readonly string[];
  readonly requirements: string;
  readonly requirementPattern: RegExp;
  readonly requirementPatternSource: string;
  readonly idVariants: IdVariants;
  readonly untracedTests: UntracedTestsPolicy;
  /** Path of the anomaly list. */
  readonly anomalies?: string;
  /** Label of the GitHub issues that record anomalies. */
  readonly anomalyLabel?: string;
  readonly githubToken: string;
  readonly evidenceDir: string;
  /** The release-identity checks (tag, commit, clean tree, fresh reports, version file): reasons, or only warnings. */
  readonly releaseChecks: ReleaseChecksPolicy;
  /** Glob naming the version tags (`tag-pattern`); undefined: the default scheme (`v1.2.3`, `1.2.3`, ...). */
  readonly tagPattern?: string;
  /** File whose version must equal the tag's (`version-file`). */
  readonly versionFile?: string;
  /** The SOUP check, when `soup-list` and `sbom` are given. */
  readonly soup?: SoupSettings;
  /** The release record's inputs. */
  readonly record: RecordSettings;
}

/** What the release record is made from (input names in comments). */
export interface RecordSettings {
  /** `tag-pattern`: a glob of the version tags; undefined: the default scheme (`v1.2.3`). */
  readonly tagPattern?: string;
  /** `previous-release`: the tag to compare with; undefined: the newest version tag before HEAD. */
  readonly previousRelease?: string;
  /** `controlled-documents`: globs, one per line. */
  readonly controlledDocuments: readonly string[];
  /** `executive-summary`: a Markdown file. */
  readonly executiveSummary?: string;
  /** `change-decision`: the decision's path, `{version}` replaced by the version. */
  readonly changeDecision?: string;
  /** `changelog`: undefined means `CHANGELOG.md` when it exists. */
  readonly changelog?: string;
  /** `suspect-requirements`: a reworded requirement whose tests' files did not change warns, or fails. */
  readonly suspectRequirements: 'warn' | 'fail';
}

/** What the SOUP check is given: the list, the SBOM globs, the policy and the risk threshold. */
export interface SoupSettings {
  readonly list: string;
  /** Glob patterns of SBOM files, one per line; a leading `!` excludes. */
  readonly sboms: readonly string[];
  readonly policy: SoupPolicy;
  /** Rank of `soup-risk-threshold` (see `RISK_LEVELS`): above it, requirements and verification reasoning are required. */
  readonly riskThreshold: number;
  readonly riskThresholdName: string;
}

/** `enforce`: a failed release check fails the gate; `warn`: it is reported only (dry runs on pull requests). */
export type ReleaseChecksPolicy = 'enforce' | 'warn';

/** Reads one input by its action.yml name; '' when not set. */
export type InputSource = (name: string) => string;

/** `workspace` is where relative paths start (the runner's GITHUB_WORKSPACE). */
export function readSettings(input: InputSource, workspace: string = process.cwd()): Settings {
  const reports = input('reports')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (reports.length === 0 || reports.every((r) => r.startsWith('!'))) {
    throw new UserError('input "reports" is empty: give one or more glob patterns of JUnit XML reports, one per line (for example "reports/**/*.xml")');
  }
  const requirements = input('requirements').trim();
  if (requirements === '') {
    throw new UserError('input "requirements" is empty: give the path of the software requirements list (Markdown, CSV, YAML or JSON)');
  }
  const patternSource = input('requirement-pattern').trim() || DEFAULT_REQUIREMENT_PATTERN;
  const anomalies = input('anomalies').trim();
  const anomalyLabel = input('anomaly-label').trim();
  const tagPattern = input('tag-pattern').trim();
  // One tag scheme for the identity checks and the release record.
  const checkedTagPattern = tagPattern === '' ? undefined : checkTagPattern(tagPattern);
  const versionFile = input('version-file').trim();
  const soup = readSoupSettings(input);
  return {
    reports,
    requirements,
    requirementPattern: compileRequirementPattern(patternSource),
    requirementPatternSource: patternSource,
    idVariants: oneOf<IdVariants>(input, 'id-variants', ['exact', 'loose'], 'exact'),
    untracedTests: oneOf<UntracedTestsPolicy>(input, 'untraced-tests', ['fail', 'warn'], 'fail'),
    ...(anomalies === '' ? {} : { anomalies }),
    ...(anomalyLabel === '' ? {} : { anomalyLabel }),
    githubToken: input('github-token').trim(),
    evidenceDir: evidenceDirInside(input('evidence-dir').trim() || 'release-gate-evidence', workspace),
    releaseChecks: oneOf<ReleaseChecksPolicy>(input, 'release-checks', ['enforce', 'warn'], 'enforce'),
    ...(checkedTagPattern === undefined ? {} : { tagPattern: checkedTagPattern }),
    ...(versionFile === '' ? {} : { versionFile: inputInside('version-file', versionFile, workspace) }),
    ...(soup === undefined ? {} : { soup }),
    record: readRecordSettings(input, checkedTagPattern),
  };
}

/** The release record's inputs; `tagPattern` is the checked `tag-pattern`, shared with the identity checks. */
function readRecordSettings(input: InputSource, tagPattern: string | undefined): RecordSettings {
  const optional = (name: string): string | undefined => {
    const v = input(name).trim();
    return v === '' ? undefined : v;
  };
  const globs = input('controlled-documents')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const previousRelease = optional('previous-release');
  const executiveSummary = optional('executive-summary');
  const changeDecision = optional('change-decision');
  const changelog = optional('changelog');
  for (const [name, value] of [['executive-summary', executiveSummary], ['change-decision', changeDecision], ['changelog', changelog]] as const) {
    if (value !== undefined && (value.includes('\n') || value.includes('\0'))) throw new UserError(`input "${name}" must be one path, not several lines`);
  }
  // eslint-disable-next-line no-control-regex
  if (previousRelease !== undefined && (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(previousRelease) || previousRelease.startsWith('-') || previousRelease.startsWith('refs/'))) {
    throw new UserError(`input "previous-release" is "${previousRelease}", which is not a Git tag name; give the tag of the previous release, for example "v1.3.0" (without "refs/tags/")`);
  }
  return {
    ...(tagPattern !== undefined ? { tagPattern } : {}),
    ...(previousRelease !== undefined ? { previousRelease } : {}),
    controlledDocuments: globs.length > 0 ? globs : ['docs/**'],
    ...(executiveSummary !== undefined ? { executiveSummary } : {}),
    ...(changeDecision !== undefined ? { changeDecision } : {}),
    ...(changelog !== undefined ? { changelog } : {}),
    suspectRequirements: oneOf<'warn' | 'fail'>(input, 'suspect-requirements', ['warn', 'fail'], 'warn'),
  };
}

/** The SOUP inputs: none, or both the list and the SBOMs (one without the other cannot show what is shipped). */
function readSoupSettings(input: InputSource): SoupSettings | undefined {
  const list = input('soup-list').trim();
  const sboms = input('sbom')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const policy = oneOf<SoupPolicy>(input, 'soup-policy', ['enforce', 'warn'], 'enforce');
  const thresholdName = input('soup-risk-threshold').trim() || 'Low';
  const riskThreshold = riskRank(thresholdName);
  if (riskThreshold === undefined) {
    throw new UserError(`input "soup-risk-threshold" is "${thresholdName}"; it must be one of: ${RISK_LEVELS.map((r) => r.level).join(', ')}`);
  }
  if (list === '' && sboms.length === 0) return undefined;
  if (list === '') throw new UserError('input "sbom" is set but "soup-list" is not: give the path of the SOUP list (Markdown, CSV, YAML or JSON) to check the SBOM against');
  if (sboms.length === 0 || sboms.every((s) => s.startsWith('!'))) {
    throw new UserError('input "soup-list" is set but "sbom" is empty: give one or more glob patterns of the CycloneDX or SPDX JSON SBOMs of the release, one per line');
  }
  return { list, sboms, policy, riskThreshold, riskThresholdName: thresholdName };
}

/** The evidence stays in the workspace: a folder that climbs out or lies elsewhere is refused before anything is read. */
function evidenceDirInside(folder: string, workspace: string): string {
  if (!isInside(workspace, folder)) {
    throw new UserError(`input "evidence-dir" is "${folder}", which lies outside the workspace (${workspace}); give a folder inside the checkout, relative to it (for example "release-gate-evidence")`);
  }
  return folder;
}

/** A tag glob: `*` and `?` are its only special characters; a line break or nothing but wildcards matches too much to be meant. */
function checkTagPattern(glob: string): string {
  if (/[\r\n]/.test(glob) || /^[*?]+$/.test(glob)) {
    throw new UserError(`input "tag-pattern" is "${glob.replace(/[\r\n]+/g, ' ')}"; give one glob that version tags match, where * is any run of characters and ? one character (for example "v*" or "release-*")`);
  }
  return glob;
}

/** A file the release is checked against lies in the checkout. */
function inputInside(name: string, file: string, workspace: string): string {
  if (!isInside(workspace, file)) {
    throw new UserError(`input "${name}" is "${file}", which lies outside the workspace (${workspace}); give a file of the repository, relative to the checkout (for example "package.json")`);
  }
  return file;
}

function oneOf<T extends string>(input: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const v = input(name).trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UserError(`input "${name}" is "${v}"; it must be one of: ${allowed.join(', ')}`);
}
