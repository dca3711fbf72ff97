/**
 * The HTML evidence report in a real browser: headless Chromium parses and renders it, and the DOM it
 * built is checked. Skipped (with a message) where Chromium is not installed, except in CI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/model/index.js';
import { renderEvidenceHtml } from '../../src/report/html.js';
import { ancestor, byTag, childElements, descendants, hasClass, parseDumpedDom, textOf, type DomElement } from '../support/chromium-dom.js';
import { failingRelease, HOSTILE, hostileRelease, passingRelease } from '../support/chromium-fixtures.js';
import {
  chromium,
  CHROMIUM_TIMEOUT_MS,
  consoleMessages,
  dumpDom,
  groupAlive,
  INSTALL_CHROMIUM,
  pngSize,
  runChromium,
  screenshot,
  type ChromiumRun,
} from '../support/chromium.js';

if (process.env['CI'] === 'true' && chromium === undefined) {
  throw new Error(`Chromium is missing on this CI machine, so the HTML report cannot be checked in a browser. Install it with: ${INSTALL_CHROMIUM}`);
}

/** Several runs at once, each bounded; the hook waits for the slowest. */
const HOOK_TIMEOUT_MS = CHROMIUM_TIMEOUT_MS * 2;

interface Page {
  readonly evidence: Evidence;
  readonly file: string;
  readonly run: ChromiumRun;
  readonly dom: DomElement;
}

function body(dom: DomElement): DomElement {
  const b = childElements(dom).find((e) => e.tag === 'body');
  if (b === undefined) throw new Error('no <body>');
  return b;
}

function matrixRows(dom: DomElement): DomElement[] {
  const table = byTag(dom, 'table').find((t) => hasClass(t, 'matrix'));
  if (table === undefined) throw new Error('no matrix table');
  return byTag(table, 'tr').filter((tr) => ancestor(tr, 'tbody') !== undefined);
}

const cells = (dom: DomElement): DomElement[] => descendants(dom).filter((e) => e.tag === 'td' || e.tag === 'th');

if (chromium === undefined) {
  console.warn(`Skipping the Chromium tests of the HTML evidence report: Chromium is not installed (${INSTALL_CHROMIUM}).`);
  describe('HTML evidence report in Chromium', () => {
    it.skip(`skipped: Chromium is not installed (${INSTALL_CHROMIUM})`, () => {});
  });
} else {
  describe('HTML evidence report in Chromium', () => {
    let dir = '';
    const pages = new Map<string, Page>();
    let shot: { run: ChromiumRun; png: Buffer } | undefined;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-html-'));
      const render = async (name: string, evidence: Evidence): Promise<void> => {
        const file = path.join(dir, `${name}.html`);
        fs.writeFileSync(file, renderEvidenceHtml(evidence));
        const run = await dumpDom(file);
        pages.set(name, { evidence, file, run, dom: parseDumpedDom(run.stdout) });
      };
      const png = path.join(dir, 'fail.png');
      await Promise.all([
        render('fail', failingRelease()),
        render('pass', passingRelease()),
        render('hostile', hostileRelease()),
        (async () => {
          const file = path.join(dir, 'shot.html');
          fs.writeFileSync(file, renderEvidenceHtml(failingRelease()));
          const run = await screenshot(file, png, 1280, 2000);
          shot = { run, png: fs.readFileSync(png) };
        })(),
      ]);
    }, HOOK_TIMEOUT_MS);

    afterAll(() => {
      if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
    });

    const page = (name: string): Page => {
      const p = pages.get(name);
      if (p === undefined) throw new Error(`page ${name} was not rendered`);
      return p;
    };

    it('shows the verdict heading first in the body', () => {
      for (const [name, word] of [
        ['fail', 'FAILED'],
        ['pass', 'PASSED'],
        ['hostile', 'FAILED'],
      ] as const) {
        const first = childElements(body(page(name).dom))[0]!;
        expect(first.tag).toBe('h1');
        expect(textOf(first)).toBe(`IEC 62304 release gate: ${word}`);
      }
    });

    it('has one matrix row per requirement, in list order', () => {
      for (const name of ['fail', 'pass', 'hostile']) {
        const { evidence, dom } = page(name);
        const rows = matrixRows(dom);
        expect(rows).toHaveLength(evidence.requirements.length);
        expect(rows.map((r) => textOf(childElements(r)[0]!))).toEqual(evidence.requirements.map((r) => r.id));
      }
    });

    it('shows each hostile string as the literal text of a cell', () => {
      const texts = cells(page('hostile').dom).map(textOf);
      for (const raw of HOSTILE) expect(texts.some((t) => t.includes(raw)), raw).toBe(true);
      expect(texts).toContain('Dose <script>alert(1)</script>');
      expect(texts).toContain('Cls"><b> › SRS-001 <script>alert(1)</script>');
      expect(texts).toContain('SRS-404 "><b>&amp;');
      const message = descendants(page('hostile').dom).find((e) => hasClass(e, 'message') && textOf(e).startsWith('expected'));
      expect(textOf(message!)).toBe(`expected ${HOSTILE.join(' ')}\nbut got </td></tr></table>`);
    });

    it('builds no element from user text: no script, img, b, event handler, and nothing moved out of its table', () => {
      const { dom } = page('hostile');
      const all = descendants(dom);
      expect(all.filter((e) => ['script', 'img', 'b', 'iframe', 'svg', 'object', 'embed', 'link', 'form'].includes(e.tag)).map((e) => e.tag)).toEqual([]);
      expect(all.filter((e) => [...e.attrs.keys()].some((k) => k.startsWith('on') || k === 'style' || k === 'src'))).toEqual([]);
      for (const cell of cells(dom)) expect(ancestor(cell, 'tr'), `${cell.tag}: ${textOf(cell)}`).toBeDefined();
      for (const tr of byTag(dom, 'tr')) expect(ancestor(tr, 'table')).toBeDefined();
      // A broken table would foster-parent text or elements out of it: every element keeps its place.
      const source = renderEvidenceHtml(page('hostile').evidence);
      for (const tag of ['table', 'tr', 'td', 'th', 'ul', 'li', 'section', 'h2', 'span', 'div']) {
        expect(byTag(dom, tag), tag).toHaveLength(source.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0);
      }
    });

    it('keeps the hostile window title as text', () => {
      const { dom } = page('hostile');
      const title = byTag(dom, 'title');
      expect(title).toHaveLength(1);
      expect(textOf(title[0]!)).toBe(`IEC 62304 release gate FAILED · 50 % of requirements verified · acme/${HOSTILE[0]} · refs/heads/${HOSTILE[4]}`);
    });

    it('loads and runs nothing: Chromium logs no console message (no blocked load, no CSP violation)', () => {
      for (const name of ['fail', 'pass', 'hostile']) expect(consoleMessages(page(name).run.stderr), name).toEqual([]);
      expect(consoleMessages(shot!.run.stderr)).toEqual([]);
    });

    it('would see a CSP violation if the page had one', async () => {
      const file = path.join(dir, 'violation.html');
      const html = renderEvidenceHtml(passingRelease()).replace('</body>', '<img src="https://example.invalid/x.png"></body>');
      fs.writeFileSync(file, html);
      const messages = consoleMessages((await dumpDom(file)).stderr);
      expect(messages.join('\n')).toContain('Content Security Policy');
    }, CHROMIUM_TIMEOUT_MS + 5_000);

    it('kills a run that outlives its timeout, with every process it started', async () => {
      let pid = 0;
      const file = page('fail').file;
      await expect(runChromium(['--dump-dom', pathToFileURL(file).href], 1, (p) => (pid = p))).rejects.toThrow(/did not finish within 1 ms and was killed/);
      expect(pid).toBeGreaterThan(0);
      await expect.poll(() => groupAlive(pid), { timeout: 5_000 }).toBe(false);
    });

    it('renders a screenshot of the requested size', () => {
      const { png } = shot!;
      expect(pngSize(png)).toEqual({ width: 1280, height: 2000 });
      // A blank page compresses to a few kilobytes; tables, badges and text do not.
      expect(png.length).toBeGreaterThan(40_000);
    });
  });
}
