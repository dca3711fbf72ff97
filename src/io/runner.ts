import crypto from 'node:crypto';
import * as core from '@actions/core';
import type { Annotation } from '../report/annotations.js';

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
