import path from 'node:path';

/**
 * The path of `file` relative to `root`, `/`-separated ('' for the root itself), or undefined when it
 * lies outside. Decided by path segments, never by a text prefix: `..unit.xml` and `root-evil/x` are
 * names like any other, only a leading `..` segment (or another drive) leaves the root. Both paths are
 * taken as they are written; resolving symbolic links first is the caller's part.
 */
export function pathInside(root: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(root), path.resolve(root, file));
  if (path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Whether `file` is `root` or lies below it (see `pathInside`). */
export function isInside(root: string, file: string): boolean {
  return pathInside(root, file) !== undefined;
}
