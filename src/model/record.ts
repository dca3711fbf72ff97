/** The release record: what changed since the previous release, and the significant-change decision. */

import type { AnomalyStatus } from './lists.js';

/** One commit between the previous release and HEAD. */
export interface CommitInfo {
  readonly sha: string;
  readonly subject: string;
}

/** The previous release: its version tag, the commit it names and that commit's date (ISO 8601). */
export interface PreviousRelease {
  readonly tag: string;
  readonly commit: string;
  readonly date: string;
}

/** A controlled document added, modified, deleted or renamed since the previous release (`git diff --name-status`). */
export interface DocumentChange {
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed';
  readonly path: string;
  /** The old path of a renamed document. */
  readonly from?: string;
}

/** What git says about the release: HEAD, its version tag, the previous release and what came since. */
export interface ReleaseHistory {
  readonly head: string;
  /** HEAD's version tag (the newest when several), when it has one. */
  readonly headTag?: string;
  /** Undefined: a first release (no version tag before HEAD). */
  readonly previous?: PreviousRelease;
  /** Commits since the previous release, newest first (all of HEAD's history for a first release). */
  readonly commits: readonly CommitInfo[];
  /** Commits left out of `commits` beyond its bound. */
  readonly moreCommits: number;
  readonly documents: readonly DocumentChange[];
  /** The globs the documents were matched by. */
  readonly documentGlobs: readonly string[];
}

/** A requirement added, removed or whose text changed, against the list at the previous release. */
export interface RequirementChange {
  readonly id: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly oldText?: string;
  readonly newText?: string;
}

/** An anomaly opened, closed or changed since the previous release. */
export interface AnomalyChange {
  readonly id: string;
  readonly title: string;
  /** `opened`: new, or reopened; `closed`: now closed or fixed, or gone from the list; `changed`: other fields changed. */
  readonly kind: 'opened' | 'closed' | 'changed';
  readonly oldStatus?: AnomalyStatus;
  readonly newStatus?: AnomalyStatus;
  /** Names of the fields that changed. */
  readonly fields: readonly string[];
}

/** The significant-change decision as read from its file. */
export interface ChangeDecision {
  readonly file: string;
  readonly significant: boolean;
  readonly rationale: string;
  readonly decidedBy: string;
  readonly date: string;
  /** The notified body's approval reference; needed when `significant`. */
  readonly approval?: string;
}

/** Where the decision stands: not asked for (no `change-decision`), read and valid, or with problems. */
export type DecisionState =
  | { readonly state: 'not-configured' }
  | { readonly state: 'decided'; readonly decision: ChangeDecision }
  | { readonly state: 'invalid'; readonly file: string; readonly problems: readonly string[] };

/** A Markdown file the record quotes (the executive summary, the changelog's section). */
export interface QuotedFile {
  readonly file: string;
  readonly text: string;
}

/** Everything the three record files are rendered from. */
export interface ReleaseRecord {
  /** The version released: HEAD's tag as a version, else undefined. */
  readonly version?: string;
  /** Undefined when git could not tell (`historyProblem` says why). */
  readonly history?: ReleaseHistory;
  readonly historyProblem?: string;
  /** Undefined when there is nothing to compare against (first release, no history, list unreadable). */
  readonly requirements?: readonly RequirementChange[];
  readonly anomalies?: readonly AnomalyChange[];
  /** Why a comparison could not be made, in words (the list at the previous tag could not be read). */
  readonly notes: readonly string[];
  readonly decision: DecisionState;
  readonly executiveSummary?: QuotedFile;
  /** This version's section of the changelog, when found. */
  readonly changelogSection?: QuotedFile;
  /**
   * Hook for the SOUP check: the major upgrades of SOUP components since the previous release, each a
   * line of text. Undefined: SOUP was not checked (no SOUP input), and the record says so.
   */
  readonly soupChanges?: readonly string[];
  /** The SOUP list's components added, removed and upgraded since the previous release; undefined: not compared. */
  readonly soup?: SoupChanges;
  /** Requirements whose text changed while none of their tests' files did (`suspect-requirements`). */
  readonly suspects?: readonly SuspectRequirement[];
}

/** A requirement reworded since the previous release whose tests' files did not change: its tests may verify the old text. */
export interface SuspectRequirement {
  readonly id: string;
  readonly testFiles: readonly string[];
}

/** SOUP added, removed and upgraded between two releases, as their SOUP lists document it. */
export interface SoupChanges {
  readonly added: readonly { readonly name: string; readonly version: string }[];
  readonly removed: readonly { readonly name: string; readonly version: string }[];
  readonly upgraded: readonly { readonly name: string; readonly from: string; readonly to: string; readonly major: boolean; readonly downgrade: boolean }[];
}
