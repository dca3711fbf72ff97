/**
 * Which git tags name a version, and the version they name. Pure: the tags come in as arguments. The
 * release-identity checks (the tag on HEAD) and the release record (the previous release) both use it,
 * so both agree on what a version tag is.
 */

/** What a version tag looks like when `tag-pattern` is not set: `v1.2.3`, `1.2.3`, `v1.2`, `v1.2.3-rc.1`. */
export const DEFAULT_VERSION_TAG = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** A tag scheme: the default, or a `tag-pattern` glob (`*` any run of characters, `?` one character). */
export type TagScheme = { readonly kind: 'default' } | { readonly kind: 'glob'; readonly glob: string; readonly regexp: RegExp };

export function tagScheme(glob: string | undefined): TagScheme {
  if (glob === undefined || glob.trim() === '') return { kind: 'default' };
  const source = [...glob.trim()].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return { kind: 'glob', glob: glob.trim(), regexp: new RegExp(`^${source}$`, 'u') };
}

export function isVersionTag(tag: string, scheme: TagScheme): boolean {
  return scheme.kind === 'default' ? DEFAULT_VERSION_TAG.test(tag) : scheme.regexp.test(tag);
}

/** The version a tag names: the tag without a leading `v` before a digit (`v1.2.0` -> `1.2.0`). */
export function tagVersion(tag: string): string {
  return /^v[0-9]/.test(tag) ? tag.slice(1) : tag;
}

/**
 * Orders version tags oldest first by their numbers (`v1.10.0` after `v1.9.0`; a pre-release before
 * its release); tags without numbers fall back to text order.
 */
export function compareVersionTags(a: string, b: string): number {
  const parse = (t: string): { nums: number[]; pre: string } => {
    const v = tagVersion(t);
    const m = /^([0-9]+(?:\.[0-9]+)*)(?:-([^+]*))?/.exec(v);
    return m ? { nums: m[1]!.split('.').map(Number), pre: m[2] ?? '' } : { nums: [], pre: v };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre !== y.pre) {
    if (x.pre === '') return 1;
    if (y.pre === '') return -1;
    return x.pre < y.pre ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
