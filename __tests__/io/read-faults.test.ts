/**
 * A failing read: each known file-system failure is a user error naming the file and the reason in
 * words; anything else (a TypeError, say) is a bug and comes out as it was thrown, with its stack.
 */
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { readInsideWorkspace } from '../../src/io/files.js';
import { readReport } from '../../src/io/read-report.js';
import { fileSystemReason } from '../../src/system-faults.js';
import { makeWorkspace } from '../support/workspace.js';

const workspace = makeWorkspace({
  'requirements.md': '| ID | Title |\n| --- | --- |\n| SRS-001 | Compute the dose |\n',
  'reports/unit.xml': '<testsuite name="dose"><testcase classname="dose" name="SRS-001 computes"/></testsuite>',
});
const KNOWN_CODES = ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EMFILE', 'ELOOP', 'ENAMETOOLONG', 'EIO'];

afterEach(() => vi.restoreAllMocks());

function errno(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${file}'`), { code, path: file });
}

describe('reading an input that the file system refuses', () => {
  it.each(KNOWN_CODES)('%s: a user error naming the file and the reason', async (code) => {
    const file = `${workspace}/requirements.md`;
    vi.spyOn(fs, 'readFile').mockRejectedValueOnce(errno(code, file));
    const e = await readInsideWorkspace('requirements.md', workspace, 'the requirements list').catch((x: unknown) => x);
    expect(isUserError(e)).toBe(true);
    expect(String(e)).toBe(`requirements.md: the requirements list could not be read: ${fileSystemReason(errno(code, file))}`);
  });

  it('ENOENT: the file is not found, by name', async () => {
    const e = await readInsideWorkspace('missing.md', workspace, 'the requirements list').catch((x: unknown) => x);
    expect(isUserError(e)).toBe(true);
    expect(String(e)).toBe('missing.md: the requirements list not found');
  });

  it('a failure with a code the gate does not know is not taken for the user\'s: it keeps its stack', async () => {
    const odd = errno('EWHATEVER', `${workspace}/requirements.md`);
    vi.spyOn(fs, 'readFile').mockRejectedValueOnce(odd);
    await expect(readInsideWorkspace('requirements.md', workspace, 'the requirements list')).rejects.toBe(odd);
  });
});

describe('a bug inside the report reader', () => {
  it('is the TypeError itself, not a user error: the step reports it as an internal error with its stack', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'length')");
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await open(...args);
      // The first read of the report fails as a bug in the reading code would.
      handle.read = (() => Promise.reject(bug)) as typeof handle.read;
      return handle;
    });
    const e = await readReport(`${workspace}/reports/unit.xml`, 'reports/unit.xml', workspace).catch((x: unknown) => x);
    expect(e).toBe(bug);
    expect(isUserError(e)).toBe(false);
    expect((e as Error).stack).toContain('read-faults.test.ts');
  });
});
