import fs from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';
import { UserError } from '../errors.js';

/**
 * The report files matched by the patterns (a leading `!` excludes), relative patterns taken from the
 * workspace. Symbolic links are not followed into folders; each file is later read only if its real
 * path lies in the workspace. No match at all is an error: the gate cannot pass on nothing.
 */
export async function collectReports(patterns: readonly string[], workspace: string): Promise<string[]> {
  const anchored = patterns.map((p) => {
    const negated = p.startsWith('!');
    const body = negated ? p.slice(1) : p;
    const abs = path.isAbsolute(body) ? body : path.join(workspace, body);
    return `${negated ? '!' : ''}${abs}`;
  });
  const globber = await glob.create(anchored.join('\n'), { followSymbolicLinks: false, matchDirectories: false, implicitDescendants: false });
  const found: string[] = [];
  for (const file of await globber.glob()) {
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isFile() || stat?.isSymbolicLink()) found.push(file);
  }
  if (found.length === 0) {
    throw new UserError(`no test report matched input "reports" (${patterns.join(', ')}) in ${workspace}; check the paths and that the test step wrote its JUnit XML before this step`);
  }
  return [...new Set(found)].sort();
}
