/**
 * The SOUP check (IEC 62304 §8.1.2, §5.3.3, §5.3.4, §7.1.3): every component the SBOMs list as
 * shipped has a row of the SOUP list with its name (and ecosystem, where the row gives one) at the
 * exact version shipped, naming its manufacturer or website and its risk level, and above the risk
 * threshold its requirements and verification reasoning. A row for no listed component is stale.
 *
 * Pure: takes the list and the SBOMs as read, returns findings for `GateRun.finding` and the record
 * for the evidence.
 */
import { isPlaceholder } from '../catalogue/placeholder.js';
import type { Finding, ReasonCode, Sbom, SoupComponentRecord, SoupList, SoupPolicy, SoupRecord, SoupRow } from '../model/index.js';
import { parsePurl } from '../sbom/purl.js';
import { comparableName, ecosystemMatches, isExactVersion, RISK_LEVELS, riskRank } from './soup-terms.js';

export interface SoupOptions {
  readonly policy: SoupPolicy;
  /** Rank (see `RISK_LEVELS`) above which requirements and verification reasoning must be filled in. */
  readonly riskThreshold: number;
}

/** Findings of one kind given one by one; past this many, one more says how many others there are. */
export const SOUP_FINDINGS_PER_KIND = 50;

export interface SoupCheck {
  readonly findings: readonly Finding[];
  readonly record: SoupRecord;
}

/** One component, merged over the SBOMs that list it. */
interface Component {
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly type: string;
  /** The names a row may give it by: its name, the purl's name, with its namespace (`@scope/x`, `group/artifact`, `group:artifact`). */
  readonly names: ReadonlySet<string>;
  readonly sboms: string[];
  notShipped: string | undefined;
}

export function checkSoup(list: SoupList, sboms: readonly Sbom[], options: SoupOptions): SoupCheck {
  const blocking = options.policy === 'enforce';
  const findings = new FindingsByKind(list.file);
  const components = mergeComponents(sboms);
  const used = new Set<SoupRow>();
  const records: SoupComponentRecord[] = [];
  const lookUp = rowIndex(list.rows);
  const rowsByComponent = new Map(components.map((c) => [c, lookUp(c)]));
  const rowsOf = (c: Component): SoupRow[] => rowsByComponent.get(c) ?? [];
  const documentsListed = new Set(components.flatMap((c) => rowsOf(c).filter((r) => r.version === c.version)));

  for (const c of components) {
    const label = `${c.name} ${c.version}${c.purl === '' ? '' : ` (${c.purl})`}`;
    const from = c.sboms.join(', ');
    const candidates = rowsOf(c);
    const exact = candidates.find((r) => r.version === c.version);
    const missing: string[] = [];
    const base = { name: c.name, version: c.version, purl: c.purl, sboms: c.sboms, ...(c.notShipped === undefined ? {} : { notShipped: c.notShipped }) };
    if (c.notShipped !== undefined) {
      // Listed, not shipped: a row may document it, none is needed.
      if (exact !== undefined) used.add(exact);
      records.push({ ...base, ...rowFields(exact), missing });
      continue;
    }
    if (!isExactVersion(c.version)) {
      missing.push(`an exact version (the SBOM gives "${c.version}")`);
      findings.add('soup-version', blocking, `${label} in ${from}: "${c.version}" is not one exact version; generate the SBOM from the lockfile or the built artefact, so that it names the version shipped`);
    }
    if (exact === undefined) {
      // The row that drifted is one that documents no version listed: others document a version of their own.
      const drift = candidates.find((r) => !used.has(r) && !documentsListed.has(r)) ?? candidates.find((r) => !documentsListed.has(r)) ?? candidates[0];
      if (drift === undefined) {
        missing.push('a row');
        findings.add('soup-undocumented', blocking, `${label}, shipped according to ${from}, has no row in the SOUP list; add a row with its name, the version ${c.version}, its manufacturer or website, and its risk level`);
        records.push({ ...base, missing });
        continue;
      }
      used.add(drift);
      const range = isExactVersion(drift.version) ? '' : drift.version === '' ? ' (no version)' : ' (not one exact version)';
      missing.push(`the version shipped (the row gives "${drift.version}")`);
      findings.add(
        'soup-version',
        blocking,
        `${label}: the SOUP row on line ${drift.line}${drift.id === '' ? '' : ` (${drift.id})`} gives version "${drift.version}"${range}, but ${from} ships ${c.version}; document the version shipped (a range or "latest" is not a version)`,
        drift.line,
      );
      records.push({ ...base, ...rowFields(drift), missing });
      continue;
    }
    used.add(exact);
    const gaps = rowGaps(exact, options.riskThreshold);
    missing.push(...gaps);
    if (gaps.length > 0) {
      const at = `${label}: the SOUP row on line ${exact.line}${exact.id === '' ? '' : ` (${exact.id})`}`;
      findings.add('soup-incomplete', blocking, `${at} lacks ${gaps.join(', ')}; fill them in (a placeholder such as TBD or N/A fills in nothing)`, exact.line);
    }
    records.push({ ...base, ...rowFields(exact), missing });
  }

  const staleRows = list.rows.filter((r) => !used.has(r));
  for (const r of staleRows) {
    findings.add('soup-stale', false, `the SOUP row on line ${r.line}${r.id === '' ? '' : ` (${r.id})`} documents ${r.name} ${r.version}, which no SBOM lists; remove the row or check that the SBOM covers everything shipped`, r.line);
  }
  return {
    findings: findings.all(),
    record: {
      list: list.file,
      sboms: sboms.map((s) => ({ file: s.file, format: `${s.format} ${s.specVersion.replace(/^SPDX-/, '')}`, components: s.components.length })),
      policy: options.policy,
      components: records,
      staleRows: staleRows.map((r) => ({ line: r.line, id: r.id, name: r.name, version: r.version })),
    },
  };
}

/** The words of `RISK_LEVELS`, for messages. */
const RISK_WORDS = RISK_LEVELS.map((r) => r.level[0]!.toUpperCase() + r.level.slice(1)).join(', ');

/** What a row that names the version shipped still lacks. */
function rowGaps(row: SoupRow, threshold: number): string[] {
  const gaps: string[] = [];
  if (isPlaceholder(row.manufacturer) && isPlaceholder(row.website)) gaps.push('a manufacturer or website');
  const rank = riskRank(row.riskLevel);
  if (row.riskLevel === '' || (isPlaceholder(row.riskLevel, { needsWords: true }) && rank === undefined)) gaps.push('a risk level');
  else if (rank === undefined) gaps.push(`a risk level the gate knows ("${row.riskLevel}" is none of ${RISK_WORDS})`);
  // An unknown risk level may be high: its requirements and reasoning are asked for too.
  if (rank === undefined || rank > threshold) {
    if (isPlaceholder(row.requirements)) gaps.push('requirements');
    if (isPlaceholder(row.verification)) gaps.push('verification reasoning');
  }
  return gaps;
}

/**
 * The rows that name a component (its version aside), in list order: looked up by name, so that the
 * check stays linear in the rows and components however many there are.
 */
function rowIndex(rows: readonly SoupRow[]): (c: Component) => SoupRow[] {
  const index = (type: string): Map<string, SoupRow[]> => {
    const map = new Map<string, SoupRow[]>();
    for (const r of rows) {
      const key = comparableName(r.name, type);
      const list = map.get(key) ?? [];
      list.push(r);
      map.set(key, list);
    }
    return map;
  };
  const plain = index('');
  const pypi = index('pypi');
  return (c) => {
    const found = new Set<SoupRow>();
    for (const name of c.names) for (const r of (c.type === 'pypi' ? pypi : plain).get(name) ?? []) if (ecosystemMatches(r.ecosystem, c.type)) found.add(r);
    return [...found].sort((a, b) => a.line - b.line);
  };
}

function rowFields(row: SoupRow | undefined): Pick<SoupComponentRecord, 'row' | 'rowId' | 'rowVersion' | 'riskLevel'> {
  if (row === undefined) return {};
  return { row: row.line, ...(row.id === '' ? {} : { rowId: row.id }), rowVersion: row.version, riskLevel: row.riskLevel };
}

/** The components of every SBOM, one per ecosystem, name and version, sorted; shipped when any SBOM ships it. */
function mergeComponents(sboms: readonly Sbom[]): Component[] {
  const byKey = new Map<string, Component>();
  for (const sbom of sboms) {
    for (const c of sbom.components) {
      const purl = parsePurl(c.purl);
      const type = purl?.type ?? '';
      const key = `${type}\n${comparableName(c.name, type)}\n${c.version}`;
      const known = byKey.get(key);
      if (known !== undefined) {
        if (!known.sboms.includes(sbom.file)) known.sboms.push(sbom.file);
        if (c.notShipped === undefined) known.notShipped = undefined;
        continue;
      }
      const names = new Set([c.name, ...(purl === undefined ? [] : [purl.name, purl.fullName, purl.fullName.replace(/\/([^/]*)$/, ':$1')])].map((n) => comparableName(n, type)));
      byKey.set(key, { name: c.name, version: c.version, purl: c.purl, type, names, sboms: [sbom.file], notShipped: c.notShipped });
    }
  }
  return [...byKey.values()].sort((a, b) => compare(a.name, b.name) || compare(a.version, b.version) || compare(a.purl, b.purl));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings kept by kind: the first `SOUP_FINDINGS_PER_KIND` of each, then one that counts the rest. */
class FindingsByKind {
  private readonly kept: Finding[] = [];
  private readonly left = new Map<ReasonCode, { count: number; blocking: boolean }>();
  private readonly counts = new Map<ReasonCode, number>();

  constructor(private readonly file: string) {}

  add(code: ReasonCode, blocking: boolean, message: string, line?: number): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= SOUP_FINDINGS_PER_KIND) {
      this.kept.push({ code, message, blocking, file: this.file, ...(line === undefined ? {} : { line }) });
      return;
    }
    const left = this.left.get(code) ?? { count: 0, blocking };
    left.count++;
    this.left.set(code, left);
  }

  all(): Finding[] {
    const more = [...this.left].map(([code, { count, blocking }]): Finding => ({ code, blocking, file: this.file, message: `and ${count} more SOUP findings of this kind (${code}): soup.md and soup.csv list every component` }));
    return [...this.kept, ...more];
  }
}
