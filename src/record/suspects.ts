/**
 * Suspect requirements: a requirement whose text changed since the previous release while none of its
 * tests' files did. Its tests may still verify the old text, so a reviewer must look. Only tests whose
 * file the reports give count; a requirement with none is not judged here. Pure.
 */
import type { RequirementChange, SuspectRequirement } from '../model/index.js';

/**
 * `testFiles`: each changed requirement's test files as repository paths; `changed`: the files changed
 * since the previous release.
 */
export function suspectRequirements(changes: readonly RequirementChange[], testFiles: ReadonlyMap<string, ReadonlySet<string>>, changed: ReadonlySet<string>): SuspectRequirement[] {
  const out: SuspectRequirement[] = [];
  for (const c of changes) {
    if (c.kind !== 'changed') continue;
    const files = [...(testFiles.get(c.id) ?? [])].sort();
    if (files.length === 0 || files.some((f) => changed.has(f))) continue;
    out.push({ id: c.id, testFiles: files });
  }
  return out;
}
