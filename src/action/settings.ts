import path from 'node:path';
import * as core from '@actions/core';
import { readReleaseSettings, type ReleaseSettings } from '../release/settings.js';
import { readSettings, type Settings } from '../settings.js';

/** Every input of the action, read and checked once, and the workspace relative paths start from. */
export interface ActionSettings {
  readonly workspace: string;
  readonly gate: Settings;
  readonly release: ReleaseSettings;
}

/** The settings phase: the action's inputs, checked before anything is read (the evidence folder included). */
export function readActionSettings(env: NodeJS.ProcessEnv): ActionSettings {
  const workspace = path.resolve(env['GITHUB_WORKSPACE'] ?? process.cwd());
  const gate = readSettings((name) => core.getInput(name), workspace);
  if (gate.githubToken !== '') core.setSecret(gate.githubToken);
  return { workspace, gate, release: readReleaseSettings((name) => core.getInput(name)) };
}
