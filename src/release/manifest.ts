/**
 * MANIFEST.sha256: the SHA-256 of every regular file in the archive, in the format `sha256sum -c`
 * reads (`<64 hex>  <path>`), sorted by path, paths relative to the archive's root. Pure.
 */

export const MANIFEST_FILE = 'MANIFEST.sha256';

export interface ManifestEntry {
  /** Relative to the archive's root, `/`-separated. */
  readonly path: string;
  /** 64 lower-case hex digits. */
  readonly sha256: string;
}

/** Byte order of the UTF-8 encodings: the same order on every machine and in every locale. */
export function compareByteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function renderManifest(entries: readonly ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareByteOrder(a.path, b.path));
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw new Error(`not a SHA-256: "${e.sha256}" for ${e.path}`);
    if (e.path === '' || e.path.startsWith('/') || e.path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(`not a relative path: "${e.path}"`);
    }
    if (e.path === MANIFEST_FILE) throw new Error(`${MANIFEST_FILE} does not list itself`);
    if (i > 0 && sorted[i - 1]!.path === e.path) throw new Error(`listed twice: ${e.path}`);
  }
  return sorted.map(line).join('');
}

/**
 * One line. As GNU sha256sum writes it, a name holding a backslash, a line feed or a carriage return
 * is escaped (`\\`, `\n`, `\r`) and the line starts with a backslash, so that `sha256sum -c` reads
 * it back: raw, a line feed splits the line, and a carriage return ending a name is read as the
 * Windows end of line and dropped.
 */
function line(e: ManifestEntry): string {
  if (/[\\\n\r]/.test(e.path)) return `\\${e.sha256}  ${e.path.replace(/[\\\n\r]/g, (c) => ESCAPES[c]!)}\n`;
  return `${e.sha256}  ${e.path}\n`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r' };
