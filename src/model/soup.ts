/** SOUP (IEC 62304 §8.1.2): the third-party components the release ships, as the SBOMs list them and the SOUP list documents them. */

/** One row of the SOUP list, its cells as written (white space collapsed). */
export interface SoupRow {
  /** The `ID` column, '' when the list has none. */
  readonly id: string;
  readonly name: string;
  /** Ecosystem or language as written (`npm`, `PyPI`, `JavaScript`); '' when the list gives none. */
  readonly ecosystem: string;
  readonly version: string;
  readonly manufacturer: string;
  readonly website: string;
  readonly riskLevel: string;
  readonly requirements: string;
  readonly verification: string;
  readonly lastVerified: string;
  /** 1-based line of the row. */
  readonly line: number;
}

export interface SoupList {
  readonly file: string;
  readonly rows: readonly SoupRow[];
}

/** The SBOM formats read. */
export type SbomFormat = 'CycloneDX' | 'SPDX';

/** One component an SBOM lists (the product itself left out). */
export interface SbomComponent {
  readonly name: string;
  /** The version as written: the check tells an exact version from a range. */
  readonly version: string;
  /** Package URL, '' when the SBOM gives none. */
  readonly purl: string;
  /**
   * Why it needs no SOUP row, when it does not: the SBOM marks it as development-only, optional or
   * excluded (`scope: optional`, `cdx:npm:package:development`, an SPDX `DEV_DEPENDENCY_OF` path).
   */
  readonly notShipped?: string;
}

export interface Sbom {
  /** The file as shown in messages (relative to the workspace). */
  readonly file: string;
  readonly format: SbomFormat;
  /** `1.5`, `SPDX-2.3`. */
  readonly specVersion: string;
  /** Name of the product the SBOM describes, '' when it names none. */
  readonly product: string;
  readonly components: readonly SbomComponent[];
}

/** A component as the SOUP check judged it, for soup.md and soup.csv. */
export interface SoupComponentRecord {
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  /** The SBOM files that list it. */
  readonly sboms: readonly string[];
  /** Why it needs no row; absent when it is shipped. */
  readonly notShipped?: string;
  /** The matching row's line in the SOUP list, when there is one. */
  readonly row?: number;
  readonly rowId?: string;
  readonly rowVersion?: string;
  readonly riskLevel?: string;
  /** What the row lacks or gets wrong; empty when it documents the component. */
  readonly missing: readonly string[];
}

/** The SOUP part of the evidence. */
export interface SoupRecord {
  readonly list: string;
  readonly sboms: readonly { readonly file: string; readonly format: string; readonly components: number }[];
  readonly policy: SoupPolicy;
  readonly components: readonly SoupComponentRecord[];
  /** Rows of the list for no component of any SBOM. */
  readonly staleRows: readonly { readonly line: number; readonly id: string; readonly name: string; readonly version: string }[];
}

/** `enforce`: SOUP findings fail the gate; `warn`: they are warnings (a dry run). */
export type SoupPolicy = 'enforce' | 'warn';
