/**
 * The command line's options, by a table: each entry is one input of the action (its action.yml name)
 * and how it is written as an option. The parsed options become the same raw inputs the action reads
 * (`InputSource`), so one module (settings.ts, release/settings.ts) validates both. A new input is one
 * more line of `INPUT_OPTIONS`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';
import type { InputSource } from '../settings.js';

/** One input of the action as an option of `release-gate check`. */
export interface InputOption {
  /** The input's name in action.yml; the option is `--<input>` unless `option` names it. */
  readonly input: string;
  /** The option's name when it cannot be the input's (`version` is every command's `--version`). */
  readonly option?: string;
  /** Given more than once, the values are one per line, as a multi-line input of the action. */
  readonly multiple?: boolean;
  /** What the value is, for the help (`glob`, `file`). */
  readonly value: string;
  readonly help: string;
}

/** The action's inputs a command line can set. */
export const INPUT_OPTIONS: readonly InputOption[] = [
  { input: 'reports', multiple: true, value: 'glob', help: 'JUnit XML reports, relative to the workspace; repeat for more; a leading ! excludes' },
  { input: 'requirements', value: 'file', help: 'the software requirements list (Markdown table, CSV, YAML or JSON)' },
  { input: 'requirement-pattern', value: 'regex', help: 'regular expression of one requirement ID (default SRS-, REQ-, SWR- ... IDs)' },
  { input: 'id-variants', value: 'exact|loose', help: 'also map spellings such as SRS_004 onto the list (loose); default exact' },
  { input: 'untraced-tests', value: 'fail|warn', help: 'a test that names no requirement fails the gate (default) or warns' },
  { input: 'anomalies', value: 'file', help: 'the list of known anomalies' },
  { input: 'anomaly-label', value: 'label', help: 'label of the GitHub issues that record anomalies (token in GITHUB_TOKEN)' },
  { input: 'evidence-dir', value: 'folder', help: 'folder of the evidence files, inside the workspace (default release-gate-evidence)' },
  { input: 'version', option: 'release-version', value: 'version', help: "version in the archive's name (default the tag of the CI ref, else the short commit SHA)" },
  { input: 'archive-name', value: 'name', help: "first part of the archive's name (default the repository's name)" },
  { input: 'release-checks', value: 'enforce|warn', help: 'the release-identity checks fail the gate (default) or only warn (a dry run)' },
  { input: 'tag-pattern', value: 'glob', help: 'glob of the version tags (default v1.2.3, 1.2.3, v1.2, v1.2.3-rc.1)' },
  { input: 'version-file', value: 'file', help: "file whose version must equal the tag's (package.json, pyproject.toml, Cargo.toml, pom.xml, text)" },
  { input: 'soup-list', value: 'file', help: 'the SOUP list (Markdown table, CSV, YAML or JSON)' },
  { input: 'sbom', multiple: true, value: 'glob', help: 'SBOM files (CycloneDX or SPDX JSON); repeat for more; a leading ! excludes' },
  { input: 'soup-policy', value: 'enforce|warn', help: 'SOUP findings fail the gate (default) or only warn' },
  { input: 'soup-risk-threshold', value: 'level', help: 'above this risk level a SOUP row needs requirements and verification reasoning (default low)' },
  { input: 'previous-release', value: 'tag', help: 'the tag of the previous release (default the newest version tag before HEAD)' },
  { input: 'controlled-documents', multiple: true, value: 'glob', help: 'globs of the controlled documents (default docs/**); repeat for more' },
  { input: 'executive-summary', value: 'file', help: 'Markdown executive summary of the changes, for the change summary' },
  { input: 'change-decision', value: 'file', help: 'the significant-change decision ({version} is replaced by the version)' },
  { input: 'changelog', value: 'file', help: 'the changelog (default CHANGELOG.md when it exists)' },
  { input: 'suspect-requirements', value: 'warn|fail', help: "a reworded requirement whose tests' files did not change warns (default) or fails" },
];

/** Inputs of the action with no option, and why: see `fixedInputs`; artifacts and releases are GitHub's. */
export const INPUTS_WITHOUT_OPTION: readonly string[] = ['upload', 'github-token', 'artifact-name', 'retention-days', 'release-tag'];

/**
 * Inputs of the action that have no option: the command line never uploads a workflow artifact nor
 * attaches to a GitHub Release (the CI keeps the archive), and a token is read from the environment
 * only, never from the command line, where other users of the machine could read it.
 */
export function fixedInputs(env: NodeJS.ProcessEnv): Readonly<Record<string, string>> {
  return { upload: 'false', 'github-token': env['GITHUB_TOKEN'] ?? '' };
}

/** The option that sets an input. */
export function optionOf(o: InputOption): string {
  return o.option ?? o.input;
}

/** Options of the command line itself, beside the inputs. */
export const CHECK_OWN_OPTIONS = {
  workspace: { type: 'string', value: 'folder', help: 'where relative paths start (default the current folder)' },
  archive: { type: 'boolean', help: 'when the gate passes, also build the release archive' },
  'archive-dir': { type: 'string', value: 'folder', help: 'folder the archive is written to, relative to the workspace (default release-archive)' },
} as const;

/** A mistake on the command line: said with the usage, exit 2. */
export class UsageError extends UserError {
  override readonly name: string = 'UsageError';
}

export interface ParsedCheck {
  readonly input: InputSource;
  readonly workspace?: string;
  readonly archive: boolean;
  readonly archiveDir?: string;
  readonly help: boolean;
  readonly version: boolean;
}

/** `release-gate check` options into raw inputs (trimmed, '' when not given), as the runner gives them to the action. */
export function parseCheck(args: readonly string[], env: NodeJS.ProcessEnv): ParsedCheck {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  for (const o of INPUT_OPTIONS) options[optionOf(o)] = { type: 'string', ...(o.multiple ? { multiple: true } : {}) };
  for (const [name, o] of Object.entries(CHECK_OWN_OPTIONS)) options[name] = { type: o.type };
  const { values } = parse(args, options, false);
  const raw = new Map<string, string>(Object.entries(fixedInputs(env)));
  for (const o of INPUT_OPTIONS) {
    const v = values[optionOf(o)];
    if (v === undefined) continue;
    raw.set(o.input, (Array.isArray(v) ? v : [v]).map(String).join('\n'));
  }
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const workspace = text('workspace');
  const archiveDir = text('archive-dir');
  return {
    input: (name) => (raw.get(name) ?? '').trim(),
    ...(workspace !== undefined ? { workspace } : {}),
    archive: values['archive'] === true,
    ...(archiveDir !== undefined ? { archiveDir } : {}),
    help: values['help'] === true,
    version: values['version'] === true,
  };
}

/** Options of a command with `--help` and `--version` only, and its positional arguments. */
export function parseSimple(args: readonly string[], positionals: boolean, more: NonNullable<ParseArgsConfig['options']> = {}): { values: Record<string, unknown>; positionals: string[] } {
  return parse(args, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, ...more }, positionals);
}

function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals: boolean): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (e) {
    // parseArgs says what is wrong in a sentence of its own ("Unknown option '--x'"); kept, without its stack.
    if (e instanceof TypeError && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(e.message);
    }
    throw e;
  }
}

/** The help's lines for the options of the table and the command's own. */
export function checkOptionsHelp(): string[] {
  const rows: [string, string][] = [
    ...INPUT_OPTIONS.map((o): [string, string] => [`--${optionOf(o)} <${o.value}>`, `${o.help}${o.multiple ? ' (repeatable)' : ''}`]),
    ...Object.entries(CHECK_OWN_OPTIONS).map(([name, o]): [string, string] => [`--${name}${'value' in o ? ` <${o.value}>` : ''}`, o.help]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
}
