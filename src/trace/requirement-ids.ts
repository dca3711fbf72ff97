import { UserError } from '../errors.js';
import type { Requirement, TestCase } from '../model/index.js';

/** The documented default: IDs such as `SRS-012`, `REQ-7`, `SWR-0042`, and sub-IDs `SRS-010.1`, `SRS-010-A`. */
export const DEFAULT_REQUIREMENT_PATTERN = '\\b(?:SRS|REQ|SWR|SWRS|SYS|URS|PRS)-[0-9]+(?:\\.[0-9]+)*(?:-(?:[0-9]+|[A-Z]))?\\b';

/** Texts a pattern is tried on: one that matches an empty string on any of them is refused. */
const EMPTY_MATCH_PROBES = ['', 'x', 'SRS-001 REQ-12 SWR-7: a test_name', 'TestSRS001ComputesDose'];

/** How requirement IDs are found in a test. */
export interface IdMatcher {
  /** The requirement pattern, global. */
  readonly pattern: RegExp;
  /** Written variants (`SRS_004`, `srs004_`, `TestSRS004`) mapped onto canonical IDs; absent unless opted in. */
  readonly variants?: VariantMatcher;
  /** The IDs of the requirements list, onto which what the pattern finds is mapped; absent without a list. */
  readonly list?: ListIds;
}

/**
 * Compiles the `requirement-pattern` input: a JavaScript regular expression, either bare
 * (`SRS-\d+`, case-sensitive) or in slashes with flags (`/srs-\d+/i`). When the expression has a
 * capturing group, the first group is the ID.
 */
export function compileRequirementPattern(source: string, input = 'requirement-pattern'): RegExp {
  const slashed = /^\/(.*)\/([a-z]*)$/s.exec(source.trim());
  const body = slashed ? slashed[1]! : source.trim();
  const flags = new Set((slashed?.[2] ?? '').split('').filter((f) => f !== ''));
  for (const f of flags) {
    if (!'imsuv'.includes(f)) throw new UserError(`input "${input}": the regular expression flag "${f}" is not supported (use i, m, s, u or v)`);
  }
  if (body === '') throw new UserError(`input "${input}" is empty: give a regular expression that matches one requirement ID`);
  flags.add('g');
  let re: RegExp;
  try {
    re = new RegExp(body, [...flags].join(''));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new UserError(`input "${input}" is not a valid JavaScript regular expression: ${e.message}`);
  }
  if (EMPTY_MATCH_PROBES.some((probe) => [...probe.matchAll(re)].some((m) => m[0] === '' || (m[1] ?? m[0]) === ''))) {
    throw new UserError(`input "${input}" can match an empty string, so it cannot tell IDs apart; make it match at least one character of the ID`);
  }
  return re;
}

/** All IDs the pattern finds in a piece of text, in order. */
export function matchIds(pattern: RegExp, text: string): string[] {
  const ids: string[] = [];
  if (text === '') return ids;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const id = m[1] ?? m[0];
    if (id !== '') ids.push(id);
    // A pattern that matched nothing at this place (possible with a capture group) moves on by one.
    if (m[0] === '') pattern.lastIndex++;
  }
  return ids;
}

/** Splits a requirement property value (`SRS-001, SRS-002; SRS-003`) into IDs. */
export function splitIdList(value: string): string[] {
  return value.split(/[\s,;]+/).filter((v) => v !== '');
}

/**
 * The sorted, distinct requirement IDs that a test names. `cache` keeps the IDs found in a classname
 * or suite name, which many tests of a report share; the caller bounds its life (one report).
 */
export function idsOfTest(test: TestCase, matcher: IdMatcher, cache?: Map<string, readonly string[]>): string[] {
  const ids = idsInText(visible(test.name), matcher);
  // Most tests name one or two IDs: a short list is searched; a long one (a test that names
  // thousands) gets a set, so that the work stays linear.
  const seen = ids.length > 16 ? new Set<string>() : undefined;
  let kept = ids;
  if (seen !== undefined || hasRepeats(ids)) {
    kept = [];
    for (const id of ids) addId(kept, id, seen);
  }
  let sets: Set<string> | undefined = seen;
  const add = (found: readonly string[]): void => {
    for (let i = 0; i < found.length; i++) {
      if (sets === undefined && kept.length > 16) sets = new Set(kept);
      addId(kept, found[i]!, sets);
    }
  };
  const inClass = cached(test.classname, matcher, cache);
  if (inClass.length > 0) add(inClass);
  for (const suite of test.suites) {
    const found = cached(suite, matcher, cache);
    if (found.length > 0) add(found);
  }
  if (test.displayName !== undefined) add(idsInText(visible(test.displayName), matcher));
  for (const p of test.properties) add(splitIdList(visible(p.value)));
  return kept.length < 2 ? kept : kept.sort(compareIds);
}

function hasRepeats(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids.indexOf(ids[i]!) < i) return true;
  return false;
}

function addId(ids: string[], id: string, seen: Set<string> | undefined): void {
  if (seen === undefined ? ids.includes(id) : seen.has(id)) return;
  ids.push(id);
  seen?.add(id);
}

function cached(text: string, matcher: IdMatcher, cache: Map<string, readonly string[]> | undefined): readonly string[] {
  if (cache === undefined) return idsInText(visible(text), matcher);
  let found = cache.get(text);
  if (found === undefined) {
    found = idsInText(visible(text), matcher);
    cache.set(text, found);
  }
  return found;
}

/**
 * The canonical IDs a piece of test text names: what the pattern finds, mapped onto the list's IDs,
 * and loose variants when on.
 */
function idsInText(text: string, matcher: IdMatcher): string[] {
  const found: string[] = [];
  const { pattern, variants, list } = matcher;
  if (text !== '') {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const id = m[1] ?? m[0];
      if (id !== '') {
        const at = m[1] === undefined ? m.index : m.index + m[0].indexOf(id);
        found.push(list?.resolve(text, at, id) ?? variants?.canonical(id) ?? id);
      }
      if (m[0] === '') pattern.lastIndex++;
    }
  }
  if (variants) found.push(...variants.find(text));
  return found;
}

/**
 * Characters that show as nothing: format characters (zero-width space, word joiner, soft hyphen, bidi
 * controls) and the other default-ignorable code points (combining grapheme joiner, variation
 * selectors, Hangul fillers, tags), which a renderer also skips.
 */
const INVISIBLE_CHARACTER = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Text as it displays: without invisible characters, which would split an ID that looks whole (`SRS-00\u034f12`). */
export function visible(text: string): string {
  return INVISIBLE_CHARACTER.test(text) ? text.replace(INVISIBLE_CHARACTERS, '') : text;
}

/** Maps what a pattern found in a text onto the IDs of the requirements list. */
export interface ListIds {
  /**
   * The list's ID for `id`, found at `at` in `text`: the longest ID of the list written there (`SRS-010.1`
   * over `SRS-010`), else `id` itself, else the longest ID of the list that `id` starts with up to a
   * separator (`SRS-010-B` names `SRS-010`); undefined when the list has none of these.
   */
  resolve(text: string, at: number, id: string): string | undefined;
}

/**
 * Builds the mapping onto a list's IDs. With a case-insensitive pattern, `srs-001` is the list's
 * `SRS-001`; two IDs of the list that differ only in case are then told apart only when written exactly.
 */
export function buildListIds(requirements: readonly Requirement[], ignoreCase: boolean): ListIds {
  const fold = ignoreCase ? (s: string): string => s.toLowerCase() : (s: string): string => s;
  const exact = new Set<string>();
  // null: two IDs of the list fold to one key, so the key names neither.
  const byKey = new Map<string, string | null>();
  // An ID up to a separator -> the longer IDs of the list that start with it, longest first.
  const longer = new Map<string, string[]>();
  for (const { id } of requirements) {
    // An ID listed twice adds nothing; looking it up in each list would cost the square of the list.
    if (exact.has(id)) continue;
    exact.add(id);
    const key = fold(id);
    const other = byKey.get(key);
    byKey.set(key, other === undefined ? id : null);
    for (let i = 1; i < id.length; i++) {
      if (isIdSeparator(id, i)) {
        const head = fold(id.slice(0, i));
        const list = longer.get(head);
        if (list === undefined) longer.set(head, [id]);
        else list.push(id);
      }
    }
  }
  for (const list of longer.values()) list.sort((a, b) => b.length - a.length);
  const lookup = (id: string): string | undefined => (exact.has(id) ? id : (byKey.get(fold(id)) ?? undefined));
  return {
    resolve(text: string, at: number, id: string): string | undefined {
      for (const candidate of longer.get(fold(id)) ?? []) {
        const end = at + candidate.length;
        if (end > text.length || isWordCharacter(text, end)) continue;
        const written = text.slice(at, end);
        if (fold(written) !== fold(candidate)) continue;
        const found = lookup(written);
        if (found !== undefined) return found;
      }
      const found = lookup(id);
      if (found !== undefined) return found;
      for (let i = id.length - 1; i > 0; i--) {
        if (!isIdSeparator(id, i)) continue;
        const head = lookup(id.slice(0, i));
        if (head !== undefined) return head;
      }
      return undefined;
    },
  };
}

/** Whether an ID is cut at `i` by a separator: a letter or digit before, something else at `i`. */
function isIdSeparator(id: string, i: number): boolean {
  return !isWordCharacter(id, i) && isWordCharacter(id, i - 1);
}

function isWordCharacter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // ASCII, the common case, without a regular expression: its letters and digits are its only \p{L} and \p{N}.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  const c = text[i];
  return c !== undefined && WORD_CHARACTER.test(c);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Orders IDs the way people read them: `SRS-2` before `SRS-10`. */
export function compareIds(a: string, b: string): number {
  idOrder ??= new Intl.Collator('en', { numeric: true });
  return idOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One collator for every comparison: `localeCompare` with options would make one per call. Made on
 * first use: building it costs milliseconds of start-up that a run without IDs to order never needs.
 */
let idOrder: Intl.Collator | undefined;

/** Finds spelled-out variants of the canonical IDs of a requirement list. */
export interface VariantMatcher {
  /** Canonical IDs written in variant forms anywhere in the text. */
  find(text: string): string[];
  /** The canonical ID a whole ID stands for (`SRS-4` -> `SRS-004`), if the list has one. */
  canonical(id: string): string | undefined;
}

const CANONICAL = /^([A-Za-z]+)[-_. ]?0*([0-9]+)$/;

/**
 * Builds the opt-in variant matcher (`id-variants: loose`). Every canonical ID of the form
 * letters + optional separator + digits gets a key (`SRS-004` -> `SRS#4`); in test text, the same
 * letters (any case) followed by an optional `-`, `_`, `.` or space and the same number match it,
 * when they start a word or a camel-case part (`TestSRS004`, `test_srs_4`, `SRS_004_Doses`,
 * `TestSRS006SRS007`), but not inside a word (`classrs_12`).
 */
export function buildVariantMatcher(requirements: readonly Requirement[]): VariantMatcher {
  const byKey = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const { id } of requirements) {
    const m = CANONICAL.exec(id);
    if (!m) continue;
    const key = `${m[1]!.toUpperCase()}#${Number(m[2])}`;
    const other = byKey.get(key);
    if (other !== undefined && other !== id) {
      throw new UserError(`input "id-variants": the requirement IDs "${other}" and "${id}" are the same when written loosely; use id-variants: exact`);
    }
    byKey.set(key, id);
    prefixes.add(m[1]!.toUpperCase());
  }
  if (prefixes.size === 0) return { find: () => [], canonical: () => undefined };
  const alternatives = [...prefixes].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const re = new RegExp(`(${alternatives})[-_. ]?([0-9]+)(?![0-9])`, 'gi');
  return {
    find(text: string): string[] {
      const found: string[] = [];
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (!startsWord(text, m.index)) continue;
        const id = byKey.get(`${m[1]!.toUpperCase()}#${Number(m[2])}`);
        if (id !== undefined) found.push(id);
      }
      return found;
    },
    canonical(id: string): string | undefined {
      const m = CANONICAL.exec(id);
      return m ? byKey.get(`${m[1]!.toUpperCase()}#${Number(m[2])}`) : undefined;
    },
  };
}

/**
 * Whether the letters at `at` start a word: after a non-letter (`_srs4`, `SRS006SRS007`), or where a
 * lower-case letter meets an upper-case one (camelCase `TestSRS004`); never inside a run of letters.
 */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const prev = text[at - 1]!;
  if (!/[A-Za-z]/.test(prev)) return true;
  return /[a-z]/.test(prev) && /[A-Z]/.test(text[at]!);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
