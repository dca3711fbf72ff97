/** `release-gate verify <archive>`: an archive against its MANIFEST.sha256, for an auditor, with nothing but the archive. */
import path from 'node:path';
import { verifyArchive } from '../release/verify-archive.js';
import { MANIFEST_FILE } from '../release/manifest.js';
import { EXIT } from './check.js';
import { UsageError } from './options.js';
import { inert, paint, type Terminal } from './terminal.js';

export async function verify(archives: readonly string[], term: Terminal): Promise<number> {
  if (archives.length !== 1) throw new UsageError(`verify takes one archive, ${archives.length === 0 ? 'none was given' : `${archives.length} were given`}: release-gate verify <archive.tar.gz>`);
  const archive = path.resolve(archives[0]!);
  const v = await verifyArchive(archive);
  const shown = inert(archives[0]!);
  for (const p of v.manifestProblems) term.out(`${MANIFEST_FILE}${p.line > 0 ? `:${p.line}` : ''}: ${inert(p.message)}`);
  for (const c of v.changed) term.out(`changed: ${inert(c.path)} (SHA-256 ${c.actual}, the manifest says ${c.expected})`);
  for (const m of v.missing) term.out(`missing: ${inert(m.path)} (${m.why})`);
  for (const e of v.extra) term.out(`extra: ${inert(e)} (not listed in ${MANIFEST_FILE})`);
  if (v.ok) {
    term.out(paint(term, 'green', `VERIFIED: ${shown}: all ${v.matched} files match ${MANIFEST_FILE}`));
    return EXIT.passed;
  }
  const counts = [`${v.changed.length} changed`, `${v.missing.length} missing`, `${v.extra.length} extra`, `${v.manifestProblems.length} manifest ${v.manifestProblems.length === 1 ? 'problem' : 'problems'}`];
  term.out(paint(term, 'red', `NOT VERIFIED: ${shown}: ${counts.join(', ')}; ${v.matched} files match`));
  return EXIT.failed;
}
