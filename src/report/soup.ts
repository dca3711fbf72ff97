/** soup.md and soup.csv: every component the SBOMs list, whether the SOUP list documents it, and what its row lacks. */
import { csvField, escapeMarkdown } from './escape.js';
import type { SoupComponentRecord, SoupRecord } from '../model/index.js';

const COLUMNS: readonly [string, (c: SoupComponentRecord) => string][] = [
  ['Component', (c) => c.name],
  ['Version', (c) => c.version],
  ['purl', (c) => c.purl],
  ['Shipped', (c) => (c.notShipped === undefined ? 'yes' : `no (${c.notShipped})`)],
  ['In SOUP list', (c) => (c.row === undefined ? 'no' : 'yes')],
  ['Row', (c) => (c.row === undefined ? '' : `line ${c.row}${c.rowId === undefined ? '' : ` (${c.rowId})`}`)],
  ['Row Version', (c) => c.rowVersion ?? ''],
  ['Risk Level', (c) => c.riskLevel ?? ''],
  ['Missing', (c) => c.missing.join('; ')],
  ['SBOM', (c) => c.sboms.join('; ')],
];

/** What a component's line says in one word: documented, not shipped, or what is wrong. */
export function soupStatus(c: SoupComponentRecord): 'documented' | 'not shipped' | 'gaps' {
  if (c.missing.length > 0) return 'gaps';
  return c.notShipped === undefined ? 'documented' : 'not shipped';
}

/** soup.md: the SBOMs read, every component with its row, and the stale rows. */
export function renderSoupMarkdown(soup: SoupRecord): string {
  const shipped = soup.components.filter((c) => c.notShipped === undefined);
  const gaps = soup.components.filter((c) => c.missing.length > 0);
  const lines = [
    '# SOUP (IEC 62304 §8.1.2)',
    '',
    `SOUP list: ${escapeMarkdown(soup.list)} · policy: ${soup.policy}`,
    '',
    ...soup.sboms.map((s) => `- SBOM ${escapeMarkdown(s.file)}: ${escapeMarkdown(s.format)}, ${s.components} ${s.components === 1 ? 'component' : 'components'}`),
    '',
    `${shipped.length} shipped ${shipped.length === 1 ? 'component' : 'components'}, ${soup.components.length - shipped.length} listed but not shipped; ` +
      (gaps.length === 0 ? 'every shipped component is documented at the version shipped.' : `${gaps.length} not documented as required.`),
    '',
  ];
  if (soup.components.length > 0) {
    lines.push(`| ${COLUMNS.map(([h]) => h).join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`);
    for (const c of soup.components) lines.push(`| ${COLUMNS.map(([, cell]) => escapeMarkdown(cell(c))).join(' | ')} |`);
    lines.push('');
  }
  if (soup.staleRows.length > 0) {
    lines.push('## Rows for no component of the SBOMs (stale)', '', '| Line | ID | Name | Version |', '| --- | --- | --- | --- |');
    for (const r of soup.staleRows) lines.push(`| ${r.line} | ${escapeMarkdown(r.id)} | ${escapeMarkdown(r.name)} | ${escapeMarkdown(r.version)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** soup.csv: one line per component, the columns of soup.md. */
export function renderSoupCsv(soup: SoupRecord): string {
  const rows = [COLUMNS.map(([h]) => csvField(h)).join(',')];
  for (const c of soup.components) rows.push(COLUMNS.map(([, cell]) => csvField(cell(c))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
