import * as core from '@actions/core';
import { logUntrusted } from './runner.js';

/** Where a run logs: in named groups, with text that may hold untrusted content kept from acting as commands. */
export interface RunLog {
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  info(text: string): void;
  untrusted(text: string): void;
}

/** The runner's log: groups and lines as workflow commands. */
export const runnerLog: RunLog = {
  group: (name, work) => core.group(name, work),
  info: (text) => core.info(text),
  untrusted: (text) => logUntrusted(text),
};
