/**
 * Placeholders in assessment fields. A list template is often filled with `TBD`, `-`, `N/A`, `[Name]`
 * or `?` until someone assesses the anomaly; such a cell is not empty, but it assesses nothing. A field
 * holds real content only when, without what a reader never sees (HTML comments and tags, invisible
 * characters) and without punctuation, there are words left that are not placeholders or template
 * fill-ins, and no marker of unfinished work.
 *
 * Pure.
 */
import { trimBlank } from './blank.js';

/** Whole values that stand for "not filled in" (case-insensitive; punctuation and spacing ignored). */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'todo', 'to do', 'fixme', 'x', 'xx', 'xxx',
  'n a', 'na', 'none', 'nil', 'null', 'undefined', 'unknown', 'nan', 'inf', 'infinity', 'pending',
  'not applicable', 'not assessed', 'not yet assessed', 'not available', 'no response',
  'to be determined', 'to be decided', 'to be defined', 'to be confirmed', 'to be assessed', 'to be added', 'to be completed',
  'placeholder', 'empty', 'blank', 'missing', 'ditto', 'same', 'as above', 'see above', 'same as above',
  'yes', 'no', 'true', 'false', 'object object',
  // Other languages: keine Angabe (k. A.), offen, à définir, pendiente, por definir, da definire.
  'ka', 'keine angabe', 'offen', 'a definir', 'pendiente', 'por definir', 'da definire', 'a venir',
];

/**
 * What a template leaves to be filled in: a field's own name (`Justification`, `Assessor`, `[Name]`,
 * `{{assessor}}`, `<name>`) or filler text. As a whole value, or in brackets anywhere, it is a placeholder.
 */
export const FILL_IN_WORDS: readonly string[] = [
  'name', 'full name', 'your name', 'first name', 'last name', 'first last', 'firstname lastname', 'first name last name',
  'insert name', 'enter name', 'name here', 'john doe', 'jane doe',
  'assessor', 'assessor name', 'assessed by', 'reviewer', 'reviewed by', 'evaluated by', 'approver', 'approved by', 'author',
  'owner', 'signature', 'initials', 'justification', 'rationale', 'reason', 'justification for delay', 'severity', 'date',
  'assessment date', 'benefit risk', 'benefit risk analysis', 'description', 'text', 'value', 'insert', 'insert here',
  'enter here', 'fill in', 'here', 'lorem ipsum', 'asdf', 'qwerty', 'foo', 'bar', 'foobar', 'dummy', 'sample', 'example', 'test',
];

/**
 * Words that mark a field as unfinished wherever they stand in it (`TBD by QA`, `TODO: ask J. Doe`,
 * `N/A (pending)`, `in progress`): they say the work is not done.
 */
export const UNFINISHED_MARKERS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'todo', 'fixme', 'xxx', 'wip', 'pending', 'in progress', 'work in progress', 'ongoing', 'awaiting',
  'to be determined', 'to be decided', 'to be defined', 'to be confirmed', 'to be assessed', 'to be reviewed', 'to be evaluated',
  'to be completed', 'to be added', 'to be done', 'to be checked', 'to be clarified', 'to be discussed', 'to follow',
  'not reviewed', 'not yet reviewed', 'not assessed', 'not yet assessed', 'not evaluated', 'not yet evaluated', 'not done',
  'not yet done', 'not started', 'under review', 'in review', 'none yet', 'lorem ipsum',
  'ausstehend', 'nicht bewertet', 'in bearbeitung', 'zu klaren', 'en attente', 'en cours', 'in sospeso', 'em andamento',
];

/**
 * Words that mark a short field (an assessor, a few words) as unfinished: in a sentence they may be
 * real content (`fixed in a later release`), in `later` or `not yet` they are not.
 */
export const SHORT_UNFINISHED_MARKERS: readonly string[] = ['later', 'soon', 'not yet', 'open', 'asap', 'next release', 'next sprint', 'n a', 'none', 'unknown'];

/** Up to this many words, a field is short (see `SHORT_UNFINISHED_MARKERS`). */
const SHORT_FIELD_WORDS = 4;

const PLACEHOLDERS = new Set([...PLACEHOLDER_WORDS, ...FILL_IN_WORDS]);
const LONGEST_PHRASE = Math.max(...[...PLACEHOLDERS].map((p) => p.split(' ').length));
const markerPattern = (markers: readonly string[]): RegExp => new RegExp(`(?:^| )(?:${markers.join('|')})(?: |$)`);
const MARKER = markerPattern(UNFINISHED_MARKERS);
const SHORT_MARKER = markerPattern(SHORT_UNFINISHED_MARKERS);

/** Template syntax never filled in, anywhere in a value: `{{assessor}}`, `${name}`, `%NAME%`. */
const TEMPLATE_SYNTAX = /\{\{[^{}]*\}\}|\$\{[^{}]*\}|%[A-Za-z_]+%/;
/** A bracketed part of a value, `[Name]`, tested on its own. */
const BRACKETED = /\[([^[\]]{1,80})\]|\(([^()]{1,80})\)/g;

/** The longest text that is examined; a longer one is real content unless its start says otherwise. */
const MAX_EXAMINED = 10_000;

export interface PlaceholderOptions {
  /** A name or a justification is words: a value with no letter (`0`, `2024-05-01`, `42`) fills in nothing. */
  readonly needsWords?: boolean;
}

/**
 * Whether `text` fills in nothing: blank, only punctuation (`-`, `—`, `?`, `...`, `{}`), placeholder
 * words only (`TBD`, `N/A`, `t.b.d.`, `none, n/a`), a template fill-in (`[Name]`, `{{assessor}}`, the
 * field's name), an HTML comment, a JSON object or list with no real value in it, or text that carries
 * a marker of unfinished work (`TODO`, `pending`, `in progress`; `later` in a short field). Compared as
 * a reader sees it: full-width forms, invisible characters, accents and Cyrillic or Greek look-alikes of
 * Latin letters do not hide a placeholder.
 */
export function isPlaceholder(text: string, options: PlaceholderOptions = {}): boolean {
  const shown = visibleText(text.slice(0, MAX_EXAMINED));
  const json = jsonLeaves(shown);
  if (json !== undefined) return json.every((leaf) => isPlaceholder(leaf, options));
  if (TEMPLATE_SYNTAX.test(shown)) return true;
  for (const m of shown.matchAll(BRACKETED)) {
    if (isPlaceholderText(m[1] ?? m[2] ?? '', true)) return true;
  }
  if (options.needsWords === true && !/\p{L}/u.test(folded(shown))) return true;
  return isPlaceholderText(shown, false);
}

/** Whether the text, in any of its spellings (see `spellings`), is only placeholders or carries a marker. */
function isPlaceholderText(text: string, bracketed: boolean): boolean {
  return spellings(folded(text)).some((words) => {
    if (words === '' || onlyPlaceholders(words) || MARKER.test(words)) return true;
    return !bracketed && words.split(' ').length <= SHORT_FIELD_WORDS && SHORT_MARKER.test(words);
  });
}

/** Whether the words are one placeholder phrase after another (`n a pending`, `none tbd`, `name name`). */
function onlyPlaceholders(words: string): boolean {
  const tokens = words.split(' ');
  // ends[i]: tokens[0..i) is made of placeholder phrases.
  const ends = [true, ...tokens.map(() => false)];
  for (let i = 0; i < tokens.length; i++) {
    if (!ends[i]) continue;
    for (let n = 1; n <= LONGEST_PHRASE && i + n <= tokens.length; n++) {
      if (PLACEHOLDERS.has(tokens.slice(i, i + n).join(' '))) ends[i + n] = true;
    }
  }
  return ends[tokens.length] === true;
}

/** Without HTML comments (also one left open), tags and character references: what a reader sees. */
function visibleText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g, ' ');
}

/** Cyrillic and Greek letters that look like Latin ones (after lower-casing), as the Latin letter. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j',
  ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', п: 'n', г: 'r',
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * Text as a reader compares it: compatibility forms made plain (NFKC: `ＴＢＤ` -> `TBD`), invisible
 * characters removed (`T\u200bBD` -> `TBD`), lower case, accents dropped (left decomposed).
 */
export function plainText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The text folded for comparison: `plainText`, with look-alike letters made Latin. */
function folded(text: string): string {
  return plainText(text).replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c);
}

/**
 * The ways the words of a folded text are read: punctuation as a space (`N/A` -> `n a`), punctuation
 * dropped (`t.b.d.` -> `tbd`, `k.A.` -> `ka`), and single letters run together (`T B D` -> `tbd`).
 */
function spellings(text: string): string[] {
  const spaced = trimBlank(text.replace(/[^\p{L}\p{N}]+/gu, ' '));
  const joined = trimBlank(text.replace(/[^\p{L}\p{N}\s]+/gu, '').replace(/\s+/g, ' '));
  const out = [spaced, joined];
  const tokens = spaced.split(' ');
  if (tokens.length > 1 && tokens.every((t) => t.length === 1)) out.push(tokens.join(''));
  return out;
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
