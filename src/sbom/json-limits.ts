/**
 * Bounds on an SBOM before and after it is parsed: its size, how deep its JSON nests, how many
 * components it lists. Past any of them the SBOM is refused, naming the file: an SBOM the gate cannot
 * read whole in bounded time and memory cannot prove what is shipped.
 *
 * Pure.
 */
import { UserError } from '../errors.js';

/** Largest SBOM read: a container image's SBOM with every file listed stays well under it. */
export const MAX_SBOM_BYTES = 64 * 1024 * 1024;
/** Deepest nesting of arrays and objects: CycloneDX nests components, but never this far. */
export const MAX_SBOM_DEPTH = 64;
/** Most components (CycloneDX) or packages (SPDX) one SBOM may list. */
export const MAX_SBOM_COMPONENTS = 50_000;

/**
 * The SBOM's JSON value, parsed only after a linear scan shows it nests no deeper than
 * `MAX_SBOM_DEPTH`: the walks over it that follow are then bounded too.
 */
export function parseBoundedJson(file: string, text: string): unknown {
  if (text.length > MAX_SBOM_BYTES) {
    throw new UserError(`the SBOM is larger than the ${MAX_SBOM_BYTES} bytes the gate reads`, { file });
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) throw new UserError('the SBOM is empty; give a CycloneDX or SPDX JSON document', { file });
  if (first === '<') {
    throw new UserError('the SBOM is XML; the gate reads CycloneDX and SPDX in their JSON form (for example `npm sbom --sbom-format cyclonedx`, `syft -o cyclonedx-json`, `syft -o spdx-json`)', { file });
  }
  if (first !== '{') throw new UserError('the SBOM is not a JSON object; give a CycloneDX or SPDX JSON document', { file });
  checkDepth(file, body);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    throw new UserError(`the SBOM is not valid JSON (${e instanceof Error ? e.message : String(e)}); give a CycloneDX or SPDX JSON document`, { file });
  }
}

/** Refuses JSON nested deeper than `MAX_SBOM_DEPTH`, naming the line where it goes past it. */
function checkDepth(file: string, text: string): void {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // a backslash: the next character is escaped
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_SBOM_DEPTH) {
        throw new UserError(`the SBOM nests arrays and objects deeper than ${MAX_SBOM_DEPTH} levels; no CycloneDX or SPDX document does, so it is not read`, { file, line });
      }
    } else if (c === 125 || c === 93) depth--;
  }
}

/** Refuses an SBOM with more than `MAX_SBOM_COMPONENTS` entries (`what`: components, packages). */
export function checkCount(file: string, count: number, what: string, limit = MAX_SBOM_COMPONENTS): void {
  if (count > limit) {
    throw new UserError(`the SBOM lists more than ${limit} ${what}, more than the gate checks; split it per deliverable`, { file });
  }
}

/** A plain JSON object, or undefined. */
export function objectOf(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A string field, trimmed; undefined when absent or not a string. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
