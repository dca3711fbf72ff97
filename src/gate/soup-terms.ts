/**
 * The words of the SOUP check: exact versions, risk levels, and which ecosystem a SOUP list's
 * language or package manager names.
 *
 * Pure.
 */

/** Words that name no version (`latest`, `NOASSERTION`). */
const NOT_VERSIONS = new Set(['latest', 'next', 'stable', 'current', 'head', 'master', 'main', 'trunk', 'any', 'unknown', 'noassertion', 'none', 'n/a', 'na', 'tbd', '-', '*']);

/**
 * Whether a version is one exact version (`1.2.3`, `2.32.3`, `v1.4.0`, `1.0.0-rc.1`), not a range
 * (`^1.2.0`, `~1.2`, `>=2`, `1.x`, `1.2 - 1.4`, `1 || 2`) nor a word like `latest`.
 */
export function isExactVersion(version: string): boolean {
  const v = version.trim();
  if (v === '' || NOT_VERSIONS.has(v.toLowerCase())) return false;
  if (/[\s^~<>=*|,]/.test(v)) return false;
  if (/(?:^|\.)[xX](?:\.|$)/.test(v)) return false;
  return /[0-9]/.test(v);
}

/** Risk levels in order, with the words that name each (case-insensitive). */
export const RISK_LEVELS: readonly { readonly level: string; readonly words: readonly string[] }[] = [
  { level: 'negligible', words: ['negligible', 'none', 'very low'] },
  { level: 'low', words: ['low', 'minor', 'l'] },
  { level: 'medium', words: ['medium', 'moderate', 'mid', 'm', 'serious'] },
  { level: 'high', words: ['high', 'major', 'h'] },
  { level: 'critical', words: ['critical', 'very high', 'catastrophic'] },
];

/** The rank of a risk level (0 negligible ... 4 critical); undefined for a word that is none of them. */
export function riskRank(text: string): number | undefined {
  const word = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const i = RISK_LEVELS.findIndex((r) => r.words.includes(word));
  return i === -1 ? undefined : i;
}

/** purl types named by a language or package manager as SOUP lists write them. */
const ECOSYSTEM_TYPES: Readonly<Record<string, readonly string[]>> = {
  npm: ['npm', 'javascript', 'typescript', 'js', 'ts', 'node', 'node.js', 'nodejs', 'yarn', 'pnpm'],
  pypi: ['pypi', 'python', 'pip', 'py'],
  maven: ['maven', 'java', 'kotlin', 'scala', 'groovy', 'gradle', 'jvm'],
  golang: ['golang', 'go'],
  nuget: ['nuget', 'c#', 'csharp', '.net', 'dotnet', 'f#', 'vb.net'],
  cargo: ['cargo', 'rust', 'crates.io'],
  gem: ['gem', 'ruby', 'rubygems'],
  composer: ['composer', 'php', 'packagist'],
  pub: ['pub', 'dart', 'flutter'],
  cocoapods: ['cocoapods', 'objective-c'],
  swift: ['swift', 'swiftpm'],
  hex: ['hex', 'elixir', 'erlang'],
  conan: ['conan'],
  deb: ['deb', 'debian', 'ubuntu'],
  rpm: ['rpm', 'fedora', 'rhel', 'centos'],
  apk: ['apk', 'alpine'],
  github: ['github', 'github actions', 'github-actions', 'actions'],
};
const TYPE_OF_WORD = new Map(Object.entries(ECOSYSTEM_TYPES).flatMap(([type, words]) => words.map((w): [string, string] => [w, type])));

/**
 * Whether a SOUP row's ecosystem (`JavaScript`, `PyPI`, '') may be that of a component of purl type
 * `type` ('' when it has no purl): an empty ecosystem, or a component without purl, matches any; a
 * word the gate does not know matches only a purl type spelled the same.
 */
export function ecosystemMatches(ecosystem: string, type: string): boolean {
  const word = ecosystem.trim().toLowerCase();
  if (word === '' || type === '') return true;
  return (TYPE_OF_WORD.get(word) ?? word) === type;
}

/** A package name as compared: lower case; for PyPI, runs of `-`, `_`, `.` as one `-` (PEP 503). */
export function comparableName(name: string, type: string): string {
  const lower = name.trim().toLowerCase();
  return type === 'pypi' ? lower.replace(/[-_.]+/g, '-') : lower;
}
