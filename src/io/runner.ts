import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { isUserError, UserError } from '../errors.js';
import type { Annotation } from '../report/annotations.js';
import { isInside } from '../workspace-path.js';
import { fileSystemReason } from '../system-faults.js';
import { writeFault } from './write-chunks.js';

/**
 * Prints text that may hold untrusted content (test names, messages): workflow commands are switched
 * off around it with a one-time token, so no line of it can act as a command.
 */
export function logUntrusted(text: string): void {
  const token = crypto.randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`);
}

/** Writes annotations as workflow commands; @actions/core escapes message and properties. */
export function annotate(annotations: readonly Annotation[]): void {
  for (const a of annotations) {
    const props = { title: a.title, ...(a.file === undefined ? {} : { file: a.file }), ...(a.line === undefined ? {} : { startLine: a.line }) };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

/** A folder of its own under RUNNER_TEMP (else the system's) for the gate's temporary files. */
export async function makeScratchFolder(env: NodeJS.ProcessEnv): Promise<string> {
  const temp = env['RUNNER_TEMP'] || os.tmpdir();
  try {
    return await fs.mkdtemp(path.join(temp, 'release-gate-'));
  } catch (e) {
    const reason = fileSystemReason(e);
    if (reason === undefined) throw e;
    const named = env['RUNNER_TEMP'] ? 'RUNNER_TEMP' : 'the temporary folder';
    throw new UserError(`${named} (${temp}) cannot hold the gate's temporary files: ${reason}; the runner sets RUNNER_TEMP to a writable folder: check the job's environment and the runner's disk`, {
      file: temp,
    });
  }
}

/** Appends to the job summary (GITHUB_STEP_SUMMARY), when the runner gives one. */
export async function appendStepSummary(env: NodeJS.ProcessEnv, text: string): Promise<void> {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return;
  try {
    await fs.appendFile(file, text);
  } catch (e) {
    throw runnerFileFault(e, 'GITHUB_STEP_SUMMARY', file) ?? e;
  }
}

/**
 * A failure of the runner's own files as a message naming the file and what to fix: GITHUB_OUTPUT
 * (written by @actions/core's setOutput), GITHUB_STEP_SUMMARY, or a file in RUNNER_TEMP. Undefined
 * for any other error.
 */
export function runnerFault(e: unknown, env: NodeJS.ProcessEnv): UserError | undefined {
  const message = e instanceof Error ? e.message : '';
  const missing = /^Missing file at path: (.*)$/s.exec(message)?.[1];
  const file = missing ?? (e as NodeJS.ErrnoException | undefined)?.path;
  if (file === undefined) return undefined;
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
    if (env[name] !== undefined && path.resolve(env[name]) === path.resolve(file)) {
      return missing !== undefined ? new UserError(`${name} (${file}) does not exist; the runner creates this file for each step: check the job's environment`, { file }) : runnerFileFault(e, name, file);
    }
  }
  const temp = env['RUNNER_TEMP'];
  if (temp && isInside(temp, file)) {
    const fault = writeFault(e, `a temporary file in RUNNER_TEMP (${temp}) could not be written`, file);
    return isUserError(fault) ? fault : undefined;
  }
  return undefined;
}

function runnerFileFault(e: unknown, name: string, file: string): UserError | undefined {
  const reason = fileSystemReason(e);
  if (reason === undefined) return undefined;
  return new UserError(`${name} (${file}) could not be written: ${reason}; the runner sets ${name} to a writable file for each step: check the job's environment and the runner's disk`, { file });
}
