/**
 * The command line: `release-gate check | verify | validate`, each with `--help` and `--version`.
 * The one place that catches: a user's mistake is a message and exit 2, never a stack trace; anything
 * else is a bug, said as one (exit 3). A failing gate is exit 1; only a passing one is 0.
 */
import { isUserError } from '../errors.js';
import packageJson from '../../package.json' with { type: 'json' };
import { check, EXIT } from './check.js';
import { checkOptionsHelp, INPUT_OPTIONS, optionOf, parseCheck, parseSimple, UsageError } from './options.js';
import { inert, processTerminal, type Terminal } from './terminal.js';

export const VERSION: string = packageJson.version;

const USAGE = `Usage: release-gate <command> [options]

The IEC 62304 §5.8 release gate from a command line (a laptop, GitLab CI, Jenkins).

Commands:
  check      run the gate on JUnit reports and the requirements list; --archive to build the release archive
  verify     check a release archive against its MANIFEST.sha256
  validate   run the tool's own validation cases against this installed version (ISO 13485 §4.1.6)

Options: --help, --version. "release-gate <command> --help" tells more.
Exit: 0 passed, 1 failed, 2 a usage or input error, 3 an internal error (a bug).`;

const HELP: Readonly<Record<string, string>> = {
  check: [
    'Usage: release-gate check --reports <glob> --requirements <file> [options]',
    '',
    'Runs the gate as the action does and writes the same evidence files. Exit 0 when it passed, 1 when it',
    'failed, 2 on a usage or input error. Provenance (commit, ref, run) comes from GitHub, GitLab CI or',
    'Jenkins variables when set, else from the Git checkout.',
    '',
    'Options:',
    ...checkOptionsHelp(),
  ].join('\n'),
  verify: [
    'Usage: release-gate verify <archive.tar.gz>',
    '',
    'Checks every file of a release archive against its MANIFEST.sha256 and lists the changed, missing and',
    'extra files and the lines of the manifest that do not parse. Exit 0 only when everything matches.',
  ].join('\n'),
  validate: [
    'Usage: release-gate validate [--output-dir <folder>]',
    '',
    'Runs the built-in validation cases (passing, failing, hostile inputs, each with its expected verdict)',
    'against this installed version, and writes validation-record.md and validation-junit.xml to the',
    'folder (default release-gate-validation). Exit 0 only when every case gives its expected verdict.',
  ].join('\n'),
};

export async function main(args: readonly string[], env: NodeJS.ProcessEnv, term: Terminal = processTerminal(env)): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      term.out(USAGE);
      return command === undefined ? EXIT.usage : EXIT.passed;
    }
    if (command === '--version') {
      term.out(VERSION);
      return EXIT.passed;
    }
    const help = HELP[command];
    if (help === undefined) throw new UsageError(`unknown command "${inert(command)}"; the commands are check, verify and validate (release-gate --help)`);
    if (command === 'check') {
      const parsed = parseCheck(rest, env);
      if (parsed.help || parsed.version) return said(term, parsed.help ? help : VERSION);
      return await check(parsed, env, term, VERSION);
    }
    if (command === 'verify') {
      const { values, positionals } = parseSimple(rest, true);
      if (values['help'] === true || values['version'] === true) return said(term, values['help'] === true ? help : VERSION);
      const { verify } = await import('./verify.js');
      return await verify(positionals, term);
    }
    const { values } = parseSimple(rest, false, { 'output-dir': { type: 'string' } });
    if (values['help'] === true || values['version'] === true) return said(term, values['help'] === true ? help : VERSION);
    const { validate } = await import('./validate.js');
    return await validate({ outputDir: typeof values['output-dir'] === 'string' ? values['output-dir'] : 'release-gate-validation', version: VERSION }, term);
  } catch (e) {
    if (isUserError(e)) {
      term.err(`release-gate: ${inert(asOptions(e.toString()))}`);
      if (e instanceof UsageError) term.err(`(release-gate ${command !== undefined && HELP[command] !== undefined ? `${command} ` : ''}--help tells how to use it)`);
      return EXIT.usage;
    }
    term.err(`release-gate stopped on an internal error, so nothing is approved: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.internal;
  }
}

/** The shared validation names inputs (`input "untraced-tests"`); on the command line they are options. */
export function asOptions(message: string): string {
  const options = new Map(INPUT_OPTIONS.map((o) => [o.input, optionOf(o)]));
  return message.replace(/input "([a-z0-9-]+)"/g, (whole, name: string) => (options.has(name) ? `option --${options.get(name)!}` : whole));
}

function said(term: Terminal, text: string): number {
  term.out(text);
  return EXIT.passed;
}
