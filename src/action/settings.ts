import path from 'node:path';
import * as core from '@actions/core';
import { readReleaseSettings, type ReleaseSettings } from '../release/settings.js';
import { readSettings, type InputSource, type Settings } from '../settings.js';

/** Every input of the action, read and checked once, and the workspace relative paths start from. */
export interface ActionSettings {
  readonly workspace: string;
  readonly gate: Settings;
  readonly release: ReleaseSettings;
}

/** The settings phase: the action's inputs, checked before anything is read (the evidence folder included). */
export function readActionSettings(env: NodeJS.ProcessEnv): ActionSettings {
  const workspace = path.resolve(env['GITHUB_WORKSPACE'] ?? process.cwd());
  const settings = settingsFromInputs((name) => core.getInput(name), workspace);
  if (settings.gate.githubToken !== '') core.setSecret(settings.gate.githubToken);
  return settings;
}

/**
 * Every input checked, from any source of raw inputs: the runner's INPUT_* variables (the action) or
 * the options of the command line, so that both are validated by the same code.
 */
export function settingsFromInputs(input: InputSource, workspace: string): ActionSettings {
  return { workspace, gate: readSettings(input, workspace), release: readReleaseSettings(input) };
}
