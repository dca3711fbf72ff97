import { UserError } from './errors.js';
import type { IdVariants, UntracedTestsPolicy } from './model/index.js';
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
    record: readRecordSettings(input),
  };
}

/** The release record's inputs; the integrator of the identity checks shares `tag-pattern`. */
function readRecordSettings(input: InputSource): RecordSettings {
  const optional = (name: string): string | undefined => {
    const v = input(name).trim();
    return v === '' ? undefined : v;
  };
  const globs = input('controlled-documents')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const tagPattern = optional('tag-pattern');
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

/** The evidence stays in the workspace: a folder that climbs out or lies elsewhere is refused before anything is read. */
function evidenceDirInside(folder: string, workspace: string): string {
  if (!isInside(workspace, folder)) {
    throw new UserError(`input "evidence-dir" is "${folder}", which lies outside the workspace (${workspace}); give a folder inside the checkout, relative to it (for example "release-gate-evidence")`);
  }
  return folder;
}

function oneOf<T extends string>(input: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const v = input(name).trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UserError(`input "${name}" is "${v}"; it must be one of: ${allowed.join(', ')}`);
}
