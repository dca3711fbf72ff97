import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared corpus of real JUnit reports, beside the repository (or where CORPUS_DIR says). */
export const corpusDir = process.env['CORPUS_DIR'] ?? path.resolve(repoRoot, '../shared/corpus');
export const corpusPresent = fs.existsSync(path.join(corpusDir, 'MANIFEST.tsv'));

export function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  const columns = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}
