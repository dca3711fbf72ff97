import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared corpus of real JUnit reports, beside the repository (or where CORPUS_DIR says). */
export const corpusDir = process.env['CORPUS_DIR'] ?? path.resolve(repoRoot, '../shared/corpus');
export const corpusPresent = fs.existsSync(path.join(corpusDir, 'MANIFEST.tsv'));

/**
 * Whether the tests of `what` can run on the corpus. In CI its absence is an error (CI never skips
 * them; .ci/run checks it first); on a clone without it, a notice in the output says what is skipped.
 */
export function corpusOrSkip(what: string): boolean {
  if (corpusPresent) return true;
  const where = `the shared corpus of JUnit reports is not at ${corpusDir} (put it beside the repository as ../shared/corpus, or set CORPUS_DIR)`;
  if (process.env['CI'] === 'true') throw new Error(`${where}: CI must run ${what}`);
  console.warn(`SKIPPED ${what}: ${where}`);
  return false;
}

export function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  const columns = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}
