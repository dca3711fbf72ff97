/**
 * The legs of a matrix whose reports were downloaded into one folder per job (actions/download-artifact
 * with `pattern: reports-*` writes `<path>/reports-ubuntu/…`, `<path>/reports-windows/…`): a report's leg
 * is its first folder under the folder all reports share. Pure: paths in, legs out.
 */

/**
 * Each report's leg, by its path as shown (`/`-separated); empty unless every report lies in a folder
 * below the shared one and there are two legs or more (a single job's reports have no legs).
 */
export function matrixLegs(reports: readonly string[]): ReadonlyMap<string, string> {
  if (reports.length < 2) return new Map();
  const folders = reports.map((r) => r.split('/').slice(0, -1));
  let common = folders[0]!.length;
  for (const f of folders) {
    let i = 0;
    while (i < common && i < f.length && f[i] === folders[0]![i]) i++;
    common = i;
  }
  if (folders.some((f) => f.length <= common)) return new Map();
  const legs = new Map(reports.map((r, i) => [r, folders[i]![common]!]));
  return new Set(legs.values()).size < 2 ? new Map() : legs;
}
