/**
 * The Markdown reader lexes less than `marked` would (the inline Markdown of plain cells is not
 * lexed): on random documents it must still find the same tables with the same header names and
 * cells as `marked`'s own lexer gives them.
 */
import fc from 'fast-check';
import { Lexer, getDefaults, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { cellLines, readMarkdownTables, splitRow } from '../../src/catalogue/markdown-table.js';
import type { RawCell } from '../../src/catalogue/table-format.js';
import { UserError, UserErrors } from '../../src/errors.js';

const SEED = 62304;

interface Found {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
}

/** What the reader returns: the tables, or `undefined` when it refuses the file. */
function read(text: string): Found[] | undefined {
  try {
    return readMarkdownTables('list.md', text).map((t) => ({ headers: t.headers, rows: t.rows.map((r) => r.cells) }));
  } catch (e) {
    if (e instanceof UserError || e instanceof UserErrors) return undefined;
    throw e;
  }
}

/** The tables as the whole lexer of `marked` finds them, every cell lexed inline. */
function reference(text: string): Found[] {
  const source = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, ' ');
  const tables: Tokens.Table[] = [];
  const walk = (token: Token): void => {
    if (token.type === 'table') {
      tables.push(token as Tokens.Table);
      return;
    }
    if ('items' in token && Array.isArray(token.items)) (token.items as Token[]).forEach(walk);
    if ('tokens' in token && Array.isArray(token.tokens)) (token.tokens as Token[]).forEach(walk);
  };
  Lexer.lex(source, { ...getDefaults(), gfm: true }).forEach(walk);
  const cell = (tokens: Token[]): RawCell => {
    const lines = cellLines(tokens);
    return lines.length === 1 ? (lines[0] as string) : lines;
  };
  return tables.map((t) => ({
    headers: t.header.map((c) => cellLines(c.tokens).join(' ')),
    rows: t.rows.map((row) => row.map((c) => cell(c.tokens))),
  }));
}

/** Pieces of cell text, plain and with every kind of inline Markdown, escapes, entities and odd white space. */
const PIECES = [
  'a', 'SRS-1', 'Dose', '42.5', ' ', '  ', '\t', '\u00a0', '\u3000', '\u200b', 'é', '≤', '→', '😀',
  '|', '\\|', '\\\\|', '\\', '\\\\', '\\*', '*', '**', '_', '__', '`', '``', '~', '~~', '[', ']', '(', ')',
  '[x](y)', '![i](j.png)', '[ref]', '[ref][]', '<br>', '<br/>', '<BR >', '<b>', '</b>', '<http://a.b>',
  '&amp;', '&lt;', '&#10;', '&#x41;', '&nbsp;', '&bogus;', '&', '#', '-', '>', '!', ':', '@', 'a@b.co',
  'http://x.y/z', 'https://x.y', 'www.x.org', 'WWW.X.ORG', 'ftp://f.g',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''));
const pad = fc.constantFrom('', ' ', '  ');

/** A table row: cells between pipes, with or without the outer pipes. */
const row = (width: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(text, { minLength: 0, maxLength: width + 2 }), fc.boolean(), fc.boolean(), pad)
    .map(([cells, lead, trail, space]) => `${space}${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`);

const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc
    .tuple(
      fc.array(fc.constantFrom('ID', 'Title', 'Tests', 'x', '', '*Name*', 'A \\| B'), { minLength: width, maxLength: width }),
      fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: width, maxLength: width }),
      fc.constantFrom(0, 0, 0, 0, 0, -1, 1),
      fc.array(row(width), { maxLength: 6 }),
    )
    .map(([names, delimiters, skew, rows]) => {
      const delimiterCells = skew < 0 ? delimiters.slice(1) : skew > 0 ? [...delimiters, '---'] : delimiters;
      return [`| ${names.join(' | ')} |`, `|${delimiterCells.join('|')}|`, ...rows].join('\n');
    }),
);

const block = fc.oneof(
  { weight: 4, arbitrary: table },
  { weight: 1, arbitrary: table.map((t) => t.split('\n').map((l) => `> ${l}`).join('\n')) },
  { weight: 1, arbitrary: table.map((t) => t.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')) },
  { weight: 1, arbitrary: table.map((t) => `\`\`\`\n${t}\n\`\`\``) },
  { weight: 1, arbitrary: text.map((t) => `# ${t}`) },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constant('[ref]: https://example.com/ref "Ref"') },
  { weight: 1, arbitrary: fc.constant('---') },
);

const doc = fc
  .array(fc.tuple(block, fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 5 })
  .map((blocks) => blocks.map(([b, sep]) => b + sep).join(''));

describe('readMarkdownTables reads what the lexer of marked reads', () => {
  it('on random documents of tables, quotes, lists, code, headings and paragraphs', () => {
    let compared = 0;
    fc.assert(
      fc.property(doc, (d) => {
        const found = read(d);
        const expected = reference(d);
        if (found === undefined) {
          // Refused: no table (then `marked` finds none either), or a row outside its table.
          return;
        }
        compared++;
        expect(found).toEqual(expected);
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('on a table of every cell piece, each alone and in pairs', () => {
    const cells = [...PIECES, ...PIECES.flatMap((a) => PIECES.map((b) => `${a}${b}`))];
    const rows = [];
    for (let i = 0; i < cells.length; i += 3) rows.push(`| ${cells.slice(i, i + 3).join(' | ')} |`);
    const d = ['[ref]: https://example.com/ref', '', '| A | B | C |', '| --- | --- | --- |', ...rows, ''].join('\n');
    expect(read(d)).toEqual(reference(d));
  });

  it('refuses a file only when marked finds no table in it, or for a row outside every table', () => {
    fc.assert(
      fc.property(doc, (d) => {
        let error: unknown;
        try {
          readMarkdownTables('list.md', d);
          return;
        } catch (e) {
          error = e;
        }
        if (error instanceof UserErrors) return; // rows outside their table
        expect(error).toBeInstanceOf(UserError);
        expect((error as UserError).message).toMatch(/^no table found/);
        expect(reference(d)).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: 500 },
    );
  });
});

describe('splitRow', () => {
  it('splits at unescaped pipes, drops blank outer cells, fits the width, trims and unescapes', () => {
    expect(splitRow('| a | b |', 2)).toEqual(['a', 'b']);
    expect(splitRow('a | b', 2)).toEqual(['a', 'b']);
    expect(splitRow('| a \\| b | c |', 2)).toEqual(['a | b', 'c']);
    expect(splitRow('| a \\\\| b |', 2)).toEqual(['a \\\\', 'b']);
    expect(splitRow('| a |', 3)).toEqual(['a', '', '']);
    expect(splitRow('| a | b | c |', 2)).toEqual(['a', 'b']);
    expect(splitRow('| | b |', 2)).toEqual(['', 'b']);
    expect(splitRow('|\u00a0a\u3000| b |', 2)).toEqual(['a', 'b']);
    expect(splitRow('', 1)).toEqual(['']);
  });
});
