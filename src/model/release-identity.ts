/** What git and the file system say about the release, as the release-identity checks judge it. Data only. */

/** A tracked file that differs from HEAD: `index` and `worktree` are the two letters of `git status --porcelain`. */
export interface TreeChange {
  readonly path: string;
  /** Staged state (`M`, `A`, `D`, `R`, `C`, `T`, `U`, or ` ` when nothing is staged). */
  readonly index: string;
  /** Working-tree state against the index (`M`, `D`, `T`, `U`, or ` `). */
  readonly worktree: string;
}

/** A file the gate read: where it is shown, whether git tracks it, and when it was last written. */
export interface FileFact {
  /** As shown in messages: relative to the workspace. */
  readonly shown: string;
  /** Absolute path, for annotations. */
  readonly file: string;
  /** Path relative to the repository's top folder, `/`-separated; undefined when it lies outside. */
  readonly repoPath?: string;
  readonly tracked: boolean;
  /** Last modification, milliseconds since 1970; undefined when it could not be read. */
  readonly mtimeMs?: number;
}

/** The version a version file states, or why none could be read from it. */
export type VersionFileFact =
  | { readonly file: string; readonly shown: string; readonly version: string; readonly line?: number }
  | { readonly file: string; readonly shown: string; readonly problem: string; readonly line?: number };

/** Everything the checks decide from, read once from git and the file system. */
export interface IdentityFacts {
  /** The checked-out commit (HEAD). */
  readonly head: string;
  readonly shallow: boolean;
  /** Tags that point at HEAD (annotated tags peeled). */
  readonly tagsAtHead: readonly string[];
  /** The tag of `GITHUB_REF` when it is `refs/tags/X`: X, and the commit it names here (undefined: no such tag). */
  readonly refTag?: { readonly name: string; readonly commit?: string };
  /** `GITHUB_SHA`. */
  readonly eventCommit?: string;
  readonly eventName?: string;
  /** Tracked files that differ from HEAD. */
  readonly changes: readonly TreeChange[];
  /** The input lists (requirements, anomalies, version file). */
  readonly inputs: readonly FileFact[];
  readonly reports: readonly FileFact[];
  /** When the checkout was written: the newest modification time of the checked-out files. */
  readonly checkout: { readonly mtimeMs: number; readonly newest: string } | undefined;
  readonly versionFile?: VersionFileFact;
  /** The `version` input, when given. */
  readonly versionInput?: string;
}
