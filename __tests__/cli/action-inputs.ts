import fs from 'node:fs';
import { parse } from 'yaml';

/** The names of the inputs action.yml declares. */
export function readActionYml(): string[] {
  const doc = parse(fs.readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
  return Object.keys(doc.inputs);
}
