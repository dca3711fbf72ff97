/** `release-gate check` in this process: the action's options and validation, the verdict as an exit code, the same evidence files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOptions, main } from '../../src/cli/main.js';
import { INPUT_OPTIONS, INPUTS_WITHOUT_OPTION, parseCheck } from '../../src/cli/options.js';
import { colourWanted, inert, renderTerminalSummary } from '../../src/cli/terminal.js';
import { readActionYml } from './action-inputs.js';
import { committedWorkspace, FAILING, recordingTerminal } from './support.js';

const NO_CI = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };

describe('RG-040 release-gate check: exit 0 on a passing gate, 1 on a failing one, 2 on a usage or input error', () => {
  it('passes a release whose every requirement is verified, and writes the evidence files the action writes', async () => {
    const { dir, commit } = committedWorkspace();
    const term = recordingTerminal();
    const code = await main(['check', '--workspace', dir, '--reports', 'reports/*.xml', '--requirements', 'requirements.md'], NO_CI, term);
    expect(code, term.stderr.join('\n')).toBe(0);
    expect(term.stdout[0]).toBe('PASSED: the release gate passed');
    expect(term.stdout).toContain('2 of 2 requirements verified (100 %)');
    const files = fs.readdirSync(path.join(dir, 'release-gate-evidence')).sort();
    expect(files).toEqual(['change-summary.md', 'release-checklist.md', 'release-notes.md', 'tests.csv', 'traceability.csv', 'traceability.html', 'traceability.json', 'traceability.md']);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'release-gate-evidence', 'traceability.json'), 'utf8')) as { provenance: { commit?: string } };
    // Without a CI, the commit recorded is the checkout's HEAD.
    expect(json.provenance.commit).toBe(commit);
  });

  it('fails a release with a failing test, exit 1, and lists the reasons', async () => {
    const { dir } = committedWorkspace(FAILING);
    const term = recordingTerminal();
    const code = await main(['check', '--workspace', dir, '--reports', 'reports/*.xml', '--requirements', 'requirements.md', '--archive'], NO_CI, term);
    expect(code).toBe(1);
    expect(term.stdout[0]).toMatch(/^FAILED: the release gate failed \(\d+ reasons?\)$/);
    expect(term.stdout.join('\n')).toContain('[requirement-failed]');
    // No archive for a gate that failed.
    expect(fs.existsSync(path.join(dir, 'release-archive'))).toBe(false);
  });

  it('is a usage error (exit 2) naming the option: an unknown option, a bad value, a missing input', async () => {
    const { dir } = committedWorkspace();
    const cases: [string[], RegExp][] = [
      [['check', '--requirement', 'requirements.md'], /Unknown option '--requirement'/],
      [['check', '--workspace', dir, '--reports', 'r.xml', '--requirements', 'requirements.md', '--untraced-tests', 'maybe'], /option --untraced-tests is "maybe"; it must be one of: fail, warn/],
      [['check', '--workspace', dir, '--requirements', 'requirements.md'], /option --reports is empty/],
      [['check', '--workspace', dir, '--reports', 'r.xml', '--requirements', 'requirements.md', '--evidence-dir', '../out'], /option --evidence-dir is "..\/out", which lies outside the workspace/],
      [['check', '--workspace', dir, '--reports', 'r.xml', '--requirements', 'requirements.md', '--release-version', 'v1/2'], /option --release-version is "v1\/2"; it becomes part of the archive's file name/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const term = recordingTerminal();
      const code = await main(args, NO_CI, term);
      expect(code, args.join(' ')).toBe(2);
      expect(term.stderr.join('\n'), args.join(' ')).toMatch(message);
      expect(term.stderr.join('\n')).not.toMatch(/\n\s+at /);
    }
  });

  it('a missing report is an input error of the gate, which fails closed (exit 1), naming the pattern', async () => {
    const { dir } = committedWorkspace();
    const term = recordingTerminal();
    const code = await main(['check', '--workspace', dir, '--reports', 'nothing/*.xml', '--requirements', 'requirements.md'], NO_CI, term);
    expect(code).toBe(1);
    expect(term.stdout.join('\n')).toContain('nothing/*.xml');
  });

  it('--help and --version for every command', async () => {
    for (const command of ['check', 'verify', 'validate']) {
      const help = recordingTerminal();
      expect(await main([command, '--help'], NO_CI, help)).toBe(0);
      expect(help.stdout.join('\n')).toContain(`Usage: release-gate ${command}`);
      const version = recordingTerminal();
      expect(await main([command, '--version'], NO_CI, version)).toBe(0);
      expect(version.stdout).toEqual([JSON.parse(fs.readFileSync('package.json', 'utf8')).version]);
    }
    const top = recordingTerminal();
    expect(await main(['--help'], NO_CI, top)).toBe(0);
    expect(top.stdout.join('\n')).toMatch(/check[\s\S]*verify[\s\S]*validate/);
    expect(await main([], NO_CI, recordingTerminal())).toBe(2);
  });
});

describe('RG-041 the command line takes the action inputs as options, validated by the same code', () => {
  it('every option of the table is an input of action.yml, and repeated options are one per line', () => {
    const inputs = readActionYml();
    for (const o of INPUT_OPTIONS) expect(inputs, o.input).toContain(o.input);
    // Every input of the action is an option, or deliberately not one.
    for (const input of inputs) expect([...INPUT_OPTIONS.map((o) => o.input), ...INPUTS_WITHOUT_OPTION], input).toContain(input);
    const parsed = parseCheck(['--reports', 'a/*.xml', '--reports', '!a/skip.xml', '--requirements', ' req.md '], {});
    expect(parsed.input('reports')).toBe('a/*.xml\n!a/skip.xml');
    expect(parsed.input('requirements')).toBe('req.md');
    // Never uploads; the token comes from the environment only.
    expect(parsed.input('upload')).toBe('false');
    expect(parseCheck([], { GITHUB_TOKEN: 'secret' }).input('github-token')).toBe('secret');
    expect(() => parseCheck(['--github-token', 'x'], {})).toThrow(/Unknown option '--github-token'/);
  });

  it('messages of the shared validation name options, not inputs', () => {
    expect(asOptions('input "id-variants" is "x"')).toBe('option --id-variants is "x"');
    expect(asOptions('input "version" is "x"')).toBe('option --release-version is "x"');
    expect(asOptions('input "release-tag" is "x"')).toBe('input "release-tag" is "x"');
  });
});

describe('RG-042 the terminal summary: colour only on a terminal, untrusted text inert', () => {
  it('control characters of a test name are shown by their code, never sent to the terminal', () => {
    expect(inert('ok\u001b[2K\rPASSED\u0007')).toBe('ok\\u{1b}[2K\\u{d}PASSED\\u{7}');
    expect(inert('line\nnext\ttab')).toBe('line\nnext\ttab');
  });

  it('colour is wanted on a terminal only, and never with NO_COLOR', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted(true, { TERM: 'dumb' })).toBe(false);
  });

  it('colours only when asked (a TTY without NO_COLOR)', async () => {
    const { dir } = committedWorkspace();
    const plain = recordingTerminal(false);
    await main(['check', '--workspace', dir, '--reports', 'reports/*.xml', '--requirements', 'requirements.md'], NO_CI, plain);
    expect(plain.stdout.join('\n')).not.toContain('\u001b[');
    const coloured = recordingTerminal(true);
    await main(['check', '--workspace', dir, '--reports', 'reports/*.xml', '--requirements', 'requirements.md'], NO_CI, coloured);
    expect(coloured.stdout[0]).toBe('\u001b[32m\u001b[1mPASSED: the release gate passed\u001b[22m\u001b[39m');
    expect(typeof renderTerminalSummary).toBe('function');
  });
});
