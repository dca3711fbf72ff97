/**
 * Reads a CycloneDX JSON SBOM, spec versions 1.4 to 1.6 (`npm sbom --sbom-format cyclonedx`, cdxgen,
 * syft `-o cyclonedx-json`, anchore/sbom-action). The product itself (`metadata.component`) is not
 * SOUP. A component needs no SOUP row when CycloneDX marks it as not shipped:
 * - `scope: "optional"` or `scope: "excluded"` (cdxgen writes `optional` for development dependencies
 *   and what only they pull in);
 * - a property `cdx:npm:package:development` = `true` (npm sbom and cdxgen mark development
 *   dependencies so, and every package only they pull in).
 * Nested `components` are components too.
 *
 * Pure.
 */
import { UserError } from '../errors.js';
import type { Sbom, SbomComponent } from '../model/index.js';
import { checkCount, objectOf, stringOf } from './json-limits.js';

export const CYCLONEDX_SPEC_VERSIONS = ['1.4', '1.5', '1.6'] as const;

/** Properties that mark a component as development-only when their value is `true`. */
export const CYCLONEDX_DEVELOPMENT_PROPERTIES = ['cdx:npm:package:development'] as const;

export function readCycloneDx(file: string, doc: Readonly<Record<string, unknown>>): Sbom {
  if (doc['bomFormat'] !== 'CycloneDX') {
    throw new UserError(`the SBOM's bomFormat is ${JSON.stringify(doc['bomFormat'])}, not "CycloneDX"; give a CycloneDX or SPDX JSON document`, { file });
  }
  const specVersion = stringOf(doc['specVersion']) ?? '';
  if (!(CYCLONEDX_SPEC_VERSIONS as readonly string[]).includes(specVersion)) {
    throw new UserError(
      `the SBOM is CycloneDX specVersion ${JSON.stringify(doc['specVersion'] ?? null)}; the gate reads CycloneDX ${CYCLONEDX_SPEC_VERSIONS.join(', ')} (generate it with a current tool)`,
      { file },
    );
  }
  const metadata = objectOf(doc['metadata']);
  const product = objectOf(metadata?.['component']);
  const productRef = stringOf(product?.['bom-ref']);
  const productPurl = stringOf(product?.['purl']);

  const components: SbomComponent[] = [];
  const problems: string[] = [];
  let seen = 0;
  // Depth is bounded by the JSON's own (checked before parsing); the count, here as it grows.
  const walk = (list: unknown, where: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      problems.push(`${where} is not a list`);
      return;
    }
    list.forEach((item, i) => {
      checkCount(file, ++seen, 'components');
      const at = `${where}[${i}]`;
      const c = objectOf(item);
      if (c === undefined) {
        problems.push(`${at} is not an object`);
        return;
      }
      walk(c['components'], `${at}.components`);
      const ref = stringOf(c['bom-ref']);
      const purl = stringOf(c['purl']) ?? '';
      if ((productRef !== undefined && ref === productRef) || (productPurl !== undefined && productPurl !== '' && purl === productPurl)) return;
      const name = stringOf(c['name']);
      const version = stringOf(c['version']);
      const label = name ? `"${name}" (${at})` : at;
      if (!name) problems.push(`${label} has no name`);
      if (!version) problems.push(`${label} has no version`);
      if (!name || !version) return;
      const notShipped = notShippedReason(c);
      components.push({ name, version, purl, ...(notShipped === undefined ? {} : { notShipped }) });
    });
  };
  walk(doc['components'], 'components');
  walk(product?.['components'], 'metadata.component.components');
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
    throw new UserError(`the SBOM cannot be read: ${shown}${more}; every component needs a name and its exact version`, { file });
  }
  return { file, format: 'CycloneDX', specVersion, product: stringOf(product?.['name']) ?? '', components };
}

/** Why CycloneDX says the component is not shipped, or undefined when it is. */
function notShippedReason(c: Readonly<Record<string, unknown>>): string | undefined {
  const scope = stringOf(c['scope']);
  if (scope === 'optional' || scope === 'excluded') return `scope: ${scope}`;
  const properties = Array.isArray(c['properties']) ? (c['properties'] as unknown[]) : [];
  for (const p of properties) {
    const prop = objectOf(p);
    const name = stringOf(prop?.['name']);
    if (name !== undefined && (CYCLONEDX_DEVELOPMENT_PROPERTIES as readonly string[]).includes(name) && stringOf(prop?.['value'])?.toLowerCase() === 'true') {
      return `${name}: true`;
    }
  }
  return undefined;
}
