/**
 * Reads an SPDX 2.3 JSON SBOM (`npm sbom --sbom-format spdx`, syft `-o spdx-json`, GitHub's
 * dependency-graph export). The product itself (`documentDescribes`, or `SPDXRef-DOCUMENT DESCRIBES`)
 * is not SOUP. A package needs no SOUP row when every path of relationships from the product to it
 * goes through a development-only relationship (`DEV_DEPENDENCY_OF`, `BUILD_DEPENDENCY_OF`,
 * `TEST_DEPENDENCY_OF`, `OPTIONAL_DEPENDENCY_OF`, `DEV_TOOL_OF`, `BUILD_TOOL_OF`, `TEST_TOOL_OF`,
 * `TEST_OF`, `OPTIONAL_COMPONENT_OF`): npm writes `DEV_DEPENDENCY_OF` for a development dependency
 * and `DEPENDENCY_OF` below it. A package no relationship ties to the product is shipped.
 *
 * Pure.
 */
import { UserError } from '../errors.js';
import type { Sbom, SbomComponent } from '../model/index.js';
import { checkCount, MAX_SBOM_COMPONENTS, objectOf, stringOf } from './json-limits.js';

export const SPDX_VERSIONS = ['SPDX-2.3'] as const;

/** Relationships `A <type> B` that make B part of what A ships. */
const SHIPPED_PARENT_FIRST = new Set(['DEPENDS_ON', 'CONTAINS', 'STATIC_LINK', 'DYNAMIC_LINK', 'HAS_PREREQUISITE']);
/** Relationships `B <type> A` that make B part of what A ships. */
const SHIPPED_CHILD_FIRST = new Set(['DEPENDENCY_OF', 'CONTAINED_BY', 'RUNTIME_DEPENDENCY_OF', 'PROVIDED_DEPENDENCY_OF', 'PREREQUISITE_FOR', 'PACKAGE_OF']);
/** Relationships `B <type> A` that make B development-only for A. */
export const SPDX_DEVELOPMENT_RELATIONSHIPS = [
  'DEV_DEPENDENCY_OF', 'BUILD_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF', 'OPTIONAL_DEPENDENCY_OF',
  'DEV_TOOL_OF', 'BUILD_TOOL_OF', 'TEST_TOOL_OF', 'TEST_OF', 'OPTIONAL_COMPONENT_OF',
] as const;
const DEVELOPMENT = new Set<string>(SPDX_DEVELOPMENT_RELATIONSHIPS);

export function readSpdx(file: string, doc: Readonly<Record<string, unknown>>): Sbom {
  const specVersion = stringOf(doc['spdxVersion']) ?? '';
  if (!(SPDX_VERSIONS as readonly string[]).includes(specVersion)) {
    throw new UserError(`the SBOM is ${JSON.stringify(doc['spdxVersion'])}; the gate reads ${SPDX_VERSIONS.join(', ')} JSON`, { file });
  }
  const packages = doc['packages'] ?? [];
  if (!Array.isArray(packages)) throw new UserError('the SBOM\'s "packages" is not a list', { file });
  checkCount(file, packages.length, 'packages');
  const relationships = doc['relationships'] ?? [];
  if (!Array.isArray(relationships)) throw new UserError('the SBOM\'s "relationships" is not a list', { file });
  checkCount(file, relationships.length, 'relationships', 8 * MAX_SBOM_COMPONENTS);

  const roots = new Set<string>();
  if (Array.isArray(doc['documentDescribes'])) for (const id of doc['documentDescribes']) if (typeof id === 'string') roots.add(id);
  // Edges parent -> child, each shipped or development-only.
  const edges = new Map<string, { child: string; dev?: string }[]>();
  const edge = (parent: string, child: string, dev?: string): void => {
    const list = edges.get(parent) ?? [];
    list.push(dev === undefined ? { child } : { child, dev });
    edges.set(parent, list);
  };
  for (const r of relationships) {
    const rel = objectOf(r);
    const a = stringOf(rel?.['spdxElementId']);
    const type = stringOf(rel?.['relationshipType'])?.toUpperCase();
    const b = stringOf(rel?.['relatedSpdxElement']);
    if (a === undefined || b === undefined || type === undefined) continue;
    if (type === 'DESCRIBES' && a === 'SPDXRef-DOCUMENT') roots.add(b);
    else if (type === 'DESCRIBED_BY' && b === 'SPDXRef-DOCUMENT') roots.add(a);
    else if (SHIPPED_PARENT_FIRST.has(type)) edge(a, b);
    else if (SHIPPED_CHILD_FIRST.has(type)) edge(b, a);
    else if (DEVELOPMENT.has(type)) edge(b, a, type);
  }

  const shipped = reach(roots, edges, false);
  const reached = reach(roots, edges, true);
  const components: SbomComponent[] = [];
  const problems: string[] = [];
  let product = '';
  packages.forEach((item, i) => {
    const p = objectOf(item);
    const at = `packages[${i}]`;
    if (p === undefined) {
      problems.push(`${at} is not an object`);
      return;
    }
    const id = stringOf(p['SPDXID']) ?? '';
    const name = stringOf(p['name']);
    if (roots.has(id)) {
      product ||= name ?? '';
      return;
    }
    const version = stringOf(p['versionInfo']);
    const label = name ? `"${name}" (${at})` : at;
    if (!name) problems.push(`${label} has no name`);
    if (!version) problems.push(`${label} has no versionInfo`);
    if (!name || !version) return;
    const dev = shipped.has(id) ? undefined : reached.get(id);
    components.push({ name, version, purl: purlOf(p), ...(dev === undefined ? {} : { notShipped: `reached from the product only through ${dev}` }) });
  });
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
    throw new UserError(`the SBOM cannot be read: ${problems.slice(0, 5).join('; ')}${more}; every package needs a name and its exact versionInfo`, { file });
  }
  return { file, format: 'SPDX', specVersion, product, components };
}

/**
 * The elements reached from the roots: through shipped edges only, or (`dev`) through any edge, each
 * with the first development relationship on the path that reached it ('' when none).
 */
function reach(roots: ReadonlySet<string>, edges: ReadonlyMap<string, readonly { child: string; dev?: string }[]>, dev: boolean): Map<string, string> {
  const found = new Map<string, string>([...roots].map((r) => [r, '']));
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i]!;
    const via = found.get(parent) ?? '';
    for (const e of edges.get(parent) ?? []) {
      if (e.dev !== undefined && !dev) continue;
      if (found.has(e.child)) continue;
      found.set(e.child, via || (e.dev ?? ''));
      queue.push(e.child);
    }
  }
  return found;
}

/** The package's purl (the first `purl` external reference), '' when none. */
function purlOf(p: Readonly<Record<string, unknown>>): string {
  const refs = Array.isArray(p['externalRefs']) ? (p['externalRefs'] as unknown[]) : [];
  for (const r of refs) {
    const ref = objectOf(r);
    if (stringOf(ref?.['referenceType'])?.toLowerCase() === 'purl') return stringOf(ref?.['referenceLocator']) ?? '';
  }
  return '';
}
