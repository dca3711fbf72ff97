/**
 * SOUP added, removed and upgraded between two releases, for the change summary: a major upgrade is a
 * signal for the question whether a component changed in a major way (IEC 62304 §8.1.2, §6.1).
 *
 * Pure.
 */
import { parsePurl } from '../sbom/purl.js';
import { comparableName } from './soup-terms.js';

/** A component as a release shipped it (a `SoupComponentRecord` will do). */
export interface SoupItem {
  readonly name: string;
  readonly version: string;
  readonly purl?: string;
  /** Set when the component was listed but not shipped: it is left out of the comparison. */
  readonly notShipped?: string;
}

export interface SoupUpgrade {
  readonly name: string;
  readonly purl: string;
  readonly from: string;
  readonly to: string;
  /** The major version changed (for `0.x`, the minor one): the component may have changed in a major way. */
  readonly major: boolean;
  /** The version went down. */
  readonly downgrade: boolean;
}

export interface SoupDiff {
  readonly added: readonly SoupItem[];
  readonly removed: readonly SoupItem[];
  readonly upgraded: readonly SoupUpgrade[];
}

/**
 * What changed between the components `previous` and `current` shipped, matched by ecosystem and name.
 * A component shipped at one version on each side changed version; one shipped at several versions on
 * either side has its versions added and removed one by one.
 */
export function diffSoup(previous: readonly SoupItem[], current: readonly SoupItem[]): SoupDiff {
  const before = byName(previous);
  const after = byName(current);
  const added: SoupItem[] = [];
  const removed: SoupItem[] = [];
  const upgraded: SoupUpgrade[] = [];
  for (const [key, now] of after) {
    const was = before.get(key) ?? [];
    const gone = was.filter((w) => !now.some((n) => n.version === w.version));
    const come = now.filter((n) => !was.some((w) => w.version === n.version));
    if (gone.length === 1 && come.length === 1 && was.length === 1 && now.length === 1) {
      const [from, to] = [gone[0]!, come[0]!];
      const order = compareVersions(from.version, to.version);
      upgraded.push({ name: to.name, purl: to.purl ?? '', from: from.version, to: to.version, major: majorOf(from.version) !== majorOf(to.version), downgrade: order > 0 });
      continue;
    }
    removed.push(...gone);
    added.push(...come);
  }
  for (const [key, was] of before) if (!after.has(key)) removed.push(...was);
  const byItem = (a: SoupItem, b: SoupItem): number => compareText(a.name, b.name) || compareVersions(a.version, b.version);
  return { added: added.sort(byItem), removed: removed.sort(byItem), upgraded: upgraded.sort((a, b) => compareText(a.name, b.name)) };
}

/** Shipped items by ecosystem and comparable name, versions in order. */
function byName(items: readonly SoupItem[]): Map<string, SoupItem[]> {
  const map = new Map<string, SoupItem[]>();
  for (const item of items) {
    if (item.notShipped !== undefined) continue;
    const type = parsePurl(item.purl ?? '')?.type ?? '';
    const key = `${type}\n${comparableName(item.name, type)}`;
    const list = map.get(key) ?? [];
    if (!list.some((i) => i.version === item.version)) list.push(item);
    map.set(key, list);
  }
  return map;
}

/** The major part of a version: its first number, or its first two when that is 0 (`0.4`); the version itself when it has no number. */
function majorOf(version: string): string {
  const numbers = /^v?(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (numbers === null) return version;
  return numbers[1] === '0' ? `0.${numbers[2] ?? ''}` : String(Number(numbers[1]));
}

/** Versions compared number by number (`1.10.0` after `1.9.2`), then as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.+-]/);
  const pb = b.replace(/^v/, '').split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    // A pre-release (`1.0.0-rc.1`) comes before its release (`1.0.0`).
    if (x === '') return i >= 1 && a.length < b.length && b[a.length] === '-' ? 1 : -1;
    if (y === '') return i >= 1 && b.length < a.length && a[b.length] === '-' ? -1 : 1;
    return compareText(x, y);
  }
  return 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
