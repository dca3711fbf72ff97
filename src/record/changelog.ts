/**
 * This version's section of a changelog in the Keep a Changelog form (`## [1.4.0] - 2026-11-30`, or
 * `## 1.4.0`, `## [v1.4.0]`): from its heading to the next heading of the same level. Pure.
 */

/** The section of `version` (without a leading `v`), heading included; undefined when there is none. */
export function changelogSection(text: string, version: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const wanted = version.replace(/^v(?=[0-9])/, '');
  let start = -1;
  let level = 0;
  let fence = false;
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h === null) continue;
    if (start >= 0) {
      if (h[1]!.length <= level) return trimmed(lines.slice(start, i));
      continue;
    }
    const named = /^\[?v?([^\]\s]+)\]?(?:\s|$)/.exec(h[2]!.trim());
    if (named !== null && named[1] === wanted) {
      start = i;
      level = h[1]!.length;
    }
  }
  return start >= 0 ? trimmed(lines.slice(start)) : undefined;
}

function trimmed(lines: readonly string[]): string {
  const text = lines.join('\n').trim();
  // Link references (`[1.4.0]: https://...`) at the end of the file belong to the whole changelog.
  return text.replace(/(\n\[[^\]]+\]:\s*\S+\s*)+$/, '').trim();
}
