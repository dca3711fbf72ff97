/**
 * The version a project file states (`version-file`): package.json, pyproject.toml, Cargo.toml,
 * pom.xml, or a plain text file holding only the version. Pure: the text comes in as an argument. A
 * file whose version cannot be found for sure is a problem, never a guess.
 */

export type StatedVersion = { readonly version: string; readonly line?: number } | { readonly problem: string; readonly line?: number };

/** Longest version text taken from a plain file. */
const MAX_VERSION_LENGTH = 128;

export function readStatedVersion(fileName: string, text: string): StatedVersion {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (base === 'package.json') return fromPackageJson(text);
  if (base === 'pyproject.toml') return fromToml(text, ['project', 'tool.poetry'], 'pyproject.toml');
  if (base === 'Cargo.toml') return fromToml(text, ['package'], 'Cargo.toml');
  if (base === 'pom.xml') return fromPom(text);
  return fromPlainText(text);
}

function fromPackageJson(text: string): StatedVersion {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: `is not valid JSON (${(e as Error).message}), so its version cannot be read` };
  }
  const version = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)['version'] : undefined;
  if (typeof version !== 'string' || version.trim() === '') return { problem: 'has no "version" string at its top level; add one (for example "version": "1.2.3")' };
  const line = lineOf(text, /"version"\s*:/);
  return { version: version.trim(), ...(line === undefined ? {} : { line }) };
}

/**
 * `version = "1.2.3"` in the first of `tables` that holds one. Only a plain quoted string is
 * understood; `version.workspace = true`, a dynamic version or anything else is a problem.
 */
function fromToml(text: string, tables: readonly string[], kind: string): StatedVersion {
  const lines = text.split(/\r?\n/);
  for (const table of tables) {
    let inside = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!.trim();
      const header = /^\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$/.exec(l);
      if (header && !l.startsWith('[[')) {
        inside = header[1] === table;
        continue;
      }
      if (l.startsWith('[[')) inside = false;
      if (!inside || !/^version\s*[.=]/.test(l)) continue;
      const m = /^version\s*=\s*(?:"([^"\\]*)"|'([^']*)')\s*(?:#.*)?$/.exec(l);
      if (m === null) return { problem: `states the version of [${table}] in a form the gate does not read (${l.slice(0, 80)}); write it as version = "1.2.3"`, line: i + 1 };
      const version = (m[1] ?? m[2] ?? '').trim();
      if (version === '') return { problem: `[${table}] has an empty version`, line: i + 1 };
      return { version, line: i + 1 };
    }
  }
  const where = tables.map((t) => `[${t}]`).join(' or ');
  const dynamic = /^\s*dynamic\s*=.*\bversion\b/m.test(text) ? ' (a dynamic version is computed at build time and cannot be checked here; point version-file at the file it comes from)' : '';
  return { problem: `${kind} states no version = "..." in ${where}${dynamic}` };
}

/** The project's own `<version>` (a child of `<project>`, not of `<parent>` or a dependency). */
function fromPom(text: string): StatedVersion {
  const clean = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const open = /<project\b[^>]*>/.exec(clean);
  if (open === null) return { problem: 'has no <project> element, so it is not a Maven POM the gate can read' };
  // Walk the direct children of <project>: depth 1 elements only.
  const tag = /<(\/?)([A-Za-z_][\w.-]*)\b[^>]*?(\/?)>/g;
  tag.lastIndex = open.index + open[0].length;
  let depth = 0;
  for (let m = tag.exec(clean); m !== null; m = tag.exec(clean)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      if (depth === 0) break;
      depth--;
      continue;
    }
    if (selfClosing) continue;
    if (depth === 0 && name === 'version') {
      const end = clean.indexOf('</version>', m.index);
      const value = clean.slice(m.index + m[0].length, end === -1 ? undefined : end).trim();
      const line = clean.slice(0, m.index).split('\n').length;
      if (end === -1 || value === '' || value.includes('<')) return { problem: 'has a <version> of the project that is not plain text', line };
      if (value.includes('${')) return { problem: `states the version as ${value}, a property the gate does not resolve; write the version itself`, line };
      return { version: value, line };
    }
    depth++;
  }
  return { problem: 'states no <version> of its own in <project> (one inherited from <parent> is not checked); add one' };
}

function fromPlainText(text: string): StatedVersion {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length !== 1 || lines[0]!.length > MAX_VERSION_LENGTH || /\s/.test(lines[0]!)) {
    return { problem: 'is read as a plain text file, which must hold only the version on one line (for example 1.2.3); use package.json, pyproject.toml, Cargo.toml or pom.xml for a project file' };
  }
  return { version: lines[0]!.replace(/^v(?=[0-9])/, ''), line: text.split(/\r?\n/).findIndex((l) => l.trim() !== '') + 1 };
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const i = text.split(/\r?\n/).findIndex((l) => pattern.test(l));
  return i === -1 ? undefined : i + 1;
}
