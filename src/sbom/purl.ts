/**
 * The parts of a package URL (`pkg:npm/%40scope/name@1.0.0`) the SOUP check compares: its type (the
 * ecosystem) and name. See https://github.com/package-url/purl-spec.
 *
 * Pure.
 */

export interface PurlParts {
  /** Lower-case type: `npm`, `pypi`, `maven`, `golang`, ... */
  readonly type: string;
  /** Namespace and name, `/`-joined and decoded (`@scope/name`, `org.slf4j/slf4j-api`). */
  readonly fullName: string;
  readonly name: string;
  readonly version: string;
}

/** The parts of a purl; undefined for a text that is not one. */
export function parsePurl(purl: string): PurlParts | undefined {
  const m = /^pkg:\/*([A-Za-z][A-Za-z0-9.+-]*)\/([^?#]+)/.exec(purl.trim());
  if (m === null) return undefined;
  let path = m[2]!;
  let version = '';
  const at = path.lastIndexOf('@');
  if (at > 0) {
    version = path.slice(at + 1);
    path = path.slice(0, at);
  }
  const segments = path.split('/').filter((s) => s !== '').map(decode);
  const name = segments.at(-1);
  if (name === undefined) return undefined;
  return { type: m[1]!.toLowerCase(), fullName: segments.join('/'), name, version: decode(version) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
