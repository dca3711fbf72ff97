import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceFiles, SPOOL_MEMORY_BYTES } from '../../src/io/evidence-sinks.js';
import { writeWhole } from '../../src/report/evidence-writer.js';
import { removeLater } from '../support/workspace.js';

/** A workspace whose RUNNER_TEMP is a folder of its own, to see what the spool leaves there. */
function places(): { workspace: string; temp: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-spool-'));
  removeLater(root);
  const workspace = path.join(root, 'ws');
  const temp = path.join(root, 'temp');
  fs.mkdirSync(workspace);
  fs.mkdirSync(temp);
  return { workspace, temp };
}

/** Scratch files under RUNNER_TEMP, relative to it. */
function scratchFiles(temp: string): string[] {
  return fs.readdirSync(temp, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

/** Spools `lines`, pours them into an evidence file between a head and an end, and gives the file's text. */
async function spooled(lines: readonly string[], during: (temp: string) => void = () => undefined): Promise<string> {
  const { workspace, temp } = places();
  const sinks = new EvidenceFiles('evidence', workspace, { RUNNER_TEMP: temp });
  const spool = await sinks.spool();
  for (const line of lines) if (spool.add(line)) await spool.flush();
  await spool.close();
  during(temp);
  await writeWhole(await sinks.file('traceability.json'), ['head:'], spool, ':end');
  await sinks.dispose();
  expect(fs.readdirSync(temp)).toEqual([]);
  return fs.readFileSync(path.join(workspace, 'evidence', 'traceability.json'), 'utf8');
}

describe('the spool of test lines', () => {
  it('holds a record under its bound in memory: no spool file is written, the evidence file gets every line in order', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"name":"SRS-${i} ≤ 𝄞 case"}\n`);
    const text = await spooled(lines, (temp) => expect(scratchFiles(temp)).toEqual([]));
    expect(text === `head:${lines.join('')}:end`).toBe(true);
  });

  it('moves a record past its bound to a spool file in RUNNER_TEMP, poured whole and in order, then removed', async () => {
    const line = (i: number): string => `{"name":"SRS-${i} → ${'x'.repeat(1000)}"}\n`;
    const lines = Array.from({ length: Math.ceil((SPOOL_MEMORY_BYTES * 1.5) / line(0).length) }, (_, i) => line(i));
    const text = await spooled(lines, (temp) => expect(scratchFiles(temp)).toEqual(['tests.jsonl']));
    expect(text.length).toBe('head:'.length + lines.reduce((n, l) => n + l.length, 0) + ':end'.length);
    expect(text === `head:${lines.join('')}:end`).toBe(true);
  });
});
