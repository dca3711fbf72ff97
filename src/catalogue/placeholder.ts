/**
 * Placeholders in assessment fields. A list template is often filled with `TBD`, `-`, `N/A` or `?`
 * until someone assesses the anomaly; such a cell is not empty, but it assesses nothing. A field holds
 * real content only when, without what a reader never sees (HTML comments and tags) and without
 * punctuation, there are words left that are not a placeholder, and no marker of unfinished work.
 *
 * Pure.
 */
import { trimBlank } from './blank.js';

/** Whole values that stand for "not filled in" (case-insensitive; punctuation and spacing ignored). */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'todo', 'to do', 'fixme', 'x', 'xx', 'xxx',
  'n a', 'na', 'none', 'nil', 'null', 'undefined', 'unknown', 'nan', 'pending',
  'not applicable', 'not assessed', 'not yet assessed', 'not available', 'no response',
  'to be determined', 'to be decided', 'to be defined', 'to be confirmed', 'to be assessed', 'to be added', 'to be completed',
  'placeholder', 'empty', 'blank', 'missing', 'ditto', 'same', 'as above', 'see above', 'same as above',
  'yes', 'no', 'true', 'false', 'object object',
];

/** Words that mark a field as unfinished wherever they stand in it (`TBD by QA`, `TODO: ask J. Doe`). */
export const UNFINISHED_MARKERS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'todo', 'fixme', 'xxx', 'to be determined', 'to be decided', 'to be defined', 'to be confirmed',
];

const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS);
const MARKER = new RegExp(`(?:^| )(?:${UNFINISHED_MARKERS.join('|')})(?: |$)`);

/** The longest text that is examined; a longer one is real content unless its start says otherwise. */
const MAX_EXAMINED = 10_000;

/**
 * Whether `text` fills in nothing: blank, only punctuation (`-`, `—`, `?`, `...`, `{}`), a placeholder
 * word (`TBD`, `N/A`, `none`), an HTML comment, a JSON object or list with no real value in it, or
 * text that carries a marker of unfinished work (`TODO`).
 */
export function isPlaceholder(text: string): boolean {
  const shown = visibleText(text.slice(0, MAX_EXAMINED));
  const json = jsonLeaves(shown);
  if (json !== undefined) return json.every((leaf) => isPlaceholder(leaf));
  const words = wordsOf(shown);
  return words === '' || PLACEHOLDERS.has(words) || MARKER.test(words);
}

/** Without HTML comments (also one left open), tags and character references: what a reader sees. */
function visibleText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g, ' ');
}

/** Letters and digits only, lower case, one space between words (`N/A` -> `n a`, `*TBD*` -> `tbd`). */
function wordsOf(text: string): string {
  return trimBlank(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/** The values of a JSON object or list (YAML and JSON lists write nested cells as JSON), else undefined. */
function jsonLeaves(text: string): string[] | undefined {
  const t = trimBlank(text);
  if (!/^[[{][\s\S]*[\]}]$/.test(t)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
  // A loop, not recursion: a cell may nest thousands deep.
  const leaves: string[] = [];
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const x = pending.pop();
    if (Array.isArray(x)) pending.push(...x);
    else if (x !== null && typeof x === 'object') pending.push(...Object.values(x));
    else if (typeof x === 'string' || typeof x === 'number') leaves.push(String(x));
  }
  return leaves;
}
