/**
 * Reads one SBOM: CycloneDX JSON (1.4 to 1.6) or SPDX 2.3 JSON, told apart by their own fields
 * (`bomFormat`, `spdxVersion`); anything else is refused, naming the file. Bounded: see `json-limits.ts`.
 *
 * Pure: takes the file's name (as shown) and text, returns data or throws user errors.
 */
import { UserError } from '../errors.js';
import type { Sbom } from '../model/index.js';
import { readCycloneDx } from './cyclonedx.js';
import { objectOf, parseBoundedJson } from './json-limits.js';
import { readSpdx } from './spdx.js';

export function readSbom(file: string, text: string): Sbom {
  const doc = objectOf(parseBoundedJson(file, text));
  if (doc === undefined) throw new UserError('the SBOM is not a JSON object; give a CycloneDX or SPDX JSON document', { file });
  const cyclonedx = 'bomFormat' in doc;
  const spdx = 'spdxVersion' in doc;
  if (cyclonedx && spdx) throw new UserError('the SBOM has both bomFormat (CycloneDX) and spdxVersion (SPDX); give one document per file', { file });
  if (cyclonedx || spdx) {
    const sbom = cyclonedx ? readCycloneDx(file, doc) : readSpdx(file, doc);
    // An SBOM of nothing proves nothing: a step that ran too early (before the install) writes one.
    if (sbom.components.length === 0) {
      throw new UserError(
        `the SBOM lists no component besides the product${sbom.product === '' ? '' : ` (${sbom.product})`}; generate it after the dependencies are installed or from the lockfile, or leave out sbom and soup-list when the release ships no third-party software`,
        { file },
      );
    }
    return sbom;
  }
  throw new UserError('the SBOM is of no known format: it has neither bomFormat (CycloneDX) nor spdxVersion (SPDX); give a CycloneDX 1.4-1.6 or SPDX 2.3 JSON document', { file });
}
