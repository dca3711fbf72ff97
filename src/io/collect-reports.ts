import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';
import { UserError, UserErrors } from '../errors.js';
import { displayPath } from './files.js';

/** The report files the patterns match, and every match or pattern that cannot be a report. */
export interface FoundReports {
  readonly files: readonly string[];
  readonly problems: readonly UserError[];
}

/**
 * The report files matched by the patterns (a leading `!` excludes what lines before it matched),
 * relative patterns taken from the workspace. Symbolic links are not followed into folders; each file
 * is later read only if its real path lies in the workspace. Every include line must match at least
 * one file: a report the workflow named but did not write is missing evidence, not a smaller suite.
 * A match that is a folder (unless the line ends in `**`, which walks folders), a pipe, a socket or a
 * device is refused, naming it.
 */
/** What the files found are, for messages: the input that names them, one file's noun, and what a line that matches nothing should check. */
export interface FileKind {
  readonly input: string;
  /** `test report`: no test report matched. */
  readonly noun: string;
  /** `report`: not a report file; every line must match a report. */
  readonly shortNoun: string;
  readonly missingHint: string;
}

const REPORT_FILES: FileKind = {
  input: 'reports',
  noun: 'test report',
  shortNoun: 'report',
  missingHint: 'check the path and that the test step wrote its JUnit XML before this step',
};

export async function findReports(patterns: readonly string[], workspace: string, kind: FileKind = REPORT_FILES): Promise<FoundReports> {
  const lines = patterns.map((text) => {
    const negated = text.startsWith('!');
    const body = negated ? text.slice(1) : text;
    const anchored = path.isAbsolute(body) ? body : path.join(workspace, body);
    return { text, negated, body, anchored: `${negated ? '!' : ''}${anchored}` };
  });
  const files = new Set<string>();
  const problems = new Map<string, UserError>();
  for (const [i, line] of lines.entries()) {
    if (line.negated) continue;
    // A `!` line excludes from the lines before it only, as in @actions/glob.
    const excluded = lines.slice(i + 1).filter((l) => l.negated);
    const globber = await glob.create([line.anchored, ...excluded.map((l) => l.anchored)].join('\n'), {
      followSymbolicLinks: false,
      matchDirectories: true,
      implicitDescendants: false,
    });
    let matched = 0;
    for await (const found of globber.globGenerator()) {
      // Gone since the glob saw it: reading it says so.
      const stat = await fs.lstat(found).catch(() => undefined);
      if (stat?.isDirectory() && walksFolders(line.body)) continue;
      matched++;
      if (stat === undefined || stat.isFile() || stat.isSymbolicLink()) {
        files.add(found);
        continue;
      }
      const shown = displayPath(found, workspace);
      problems.set(
        `match ${found}`,
        new UserError(`matched by "${line.text}" of input "${kind.input}", but it is ${kindOf(stat)}, not a ${kind.shortNoun} file; only regular files are read as ${kind.shortNoun}s`, { file: shown }),
      );
    }
    if (matched === 0) {
      const after = excluded.length === 0 ? '' : ` (after the "!" lines below it)`;
      problems.set(
        `line ${i}`,
        new UserError(
          `no ${kind.noun} matched input "${kind.input}" line "${line.text}"${after} in ${workspace}; every line must match a ${kind.shortNoun}: ${kind.missingHint}`,
        ),
      );
    }
  }
  return { files: [...files].sort(), problems: [...problems.values()] };
}

/** The report files matched by the patterns (see `findReports`); any problem is thrown. */
export async function collectReports(patterns: readonly string[], workspace: string): Promise<string[]> {
  const { files, problems } = await findReports(patterns, workspace);
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new UserErrors(problems);
  return [...files];
}

/** A pattern whose last segment is `**` matches the folders it walks through; they are not reports it names. */
function walksFolders(pattern: string): boolean {
  const segments = pattern.split(path.sep === '\\' ? /[\\/]+/ : /\/+/).filter((s) => s !== '');
  return segments[segments.length - 1] === '**';
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
