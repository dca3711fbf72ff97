import { isUserError, type UserError } from './errors.js';
import { judge } from './gate/judge.js';
import { anomalyExplainer, evaluateAnomaly } from './gate/anomalies.js';
import type { AnomalyList, EvaluatedAnomaly, Evidence, Finding, GatePolicy, IdVariants, Provenance, Report, RequirementList, SoupRecord, TracedTest, Verdict } from './model/index.js';
import { buildAnnotations, capAnnotations, toRepoPath, type Annotation } from './report/annotations.js';
import { buildEvidence } from './report/evidence.js';
import { buildVariantMatcher, type IdMatcher } from './trace/requirement-ids.js';
import { Tracer, type Trace } from './trace/trace.js';
import type { Settings } from './settings.js';

/** The lists the gate judges by; a list that could not be read is left out (a problem says why). */
export interface Lists {
  readonly requirements: RequirementList | undefined;
  readonly anomalies: readonly AnomalyList[];
}

/** What a run is given by the runner rather than by its inputs. */
export interface RunContext {
  /** Absolute path of the checkout: relative paths start here. */
  readonly workspace: string;
  /** Today, `YYYY-MM-DD` in UTC, from the caller's clock: no assessment may be dated later. */
  readonly today: string;
  readonly repository?: string;
  readonly commit?: string;
  readonly ref?: string;
  /** The version tag of the release, as the release-identity checks found it on the commit. */
  readonly tag?: string;
  /** The matrix leg of each report (by its path as shown), when the reports come from several jobs. */
  readonly legs?: ReadonlyMap<string, string>;
}

/** What a run of the gate is set up with, before any report is read. */
export interface GateSetup {
  /** The requirements list, or undefined when it could not be read (a problem says why). */
  readonly list: RequirementList | undefined;
  /** Known anomalies from every source (a file, GitHub issues); empty when none is configured. */
  readonly anomalyLists?: readonly AnomalyList[];
  readonly pattern: RegExp;
  readonly idVariants: IdVariants;
  readonly policy: GatePolicy;
  readonly provenance: Provenance;
  /** Absolute path of the repository checkout, to turn runner paths into repository paths. */
  readonly workspace: string;
  /** Today's date, `YYYY-MM-DD` in UTC, from the caller's clock: no assessment may be dated later. */
  readonly today?: string;
  /** The matrix leg of each report (by its file), named in its tests' labels. */
  readonly legs?: ReadonlyMap<string, string>;
}

export interface GateOutcome {
  readonly trace: Trace;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
  readonly annotations: readonly Annotation[];
}

/**
 * The whole gate, pure, one report at a time: set up with the lists, `add` each report (in evidence
 * order) and write out the traced tests it gives back, note each input that could not be read with
 * `problem`, then `finish` for the verdict and everything to report. What it holds grows with the
 * requirements, not with the tests.
 */
export class GateRun {
  private readonly problems: UserError[];
  private readonly findings: Finding[] = [];
  private soupRecord: SoupRecord | undefined;
  private readonly anomalies: readonly EvaluatedAnomaly[];
  private readonly tracer: Tracer;
  /** The files of the tests of each watched requirement (`watchTestFiles`), as the reports give them. */
  private readonly watched = new Map<string, Set<string>>();

  constructor(
    private readonly setup: GateSetup,
    problems: readonly UserError[] = [],
  ) {
    this.problems = [...problems];
    const requirementIds = setup.list === undefined ? undefined : new Set(setup.list.requirements.map((r) => r.id));
    this.anomalies = (setup.anomalyLists ?? []).flatMap((l) =>
      l.anomalies.map((a) =>
        evaluateAnomaly(a, {
          hasAcceptableColumn: l.hasAcceptableColumn,
          ...(setup.today === undefined ? {} : { today: setup.today }),
          ...(requirementIds === undefined ? {} : { requirementIds }),
        }),
      ),
    );
    const explain = anomalyExplainer(this.anomalies);
    const { legs } = setup;
    const legOf = (report: string): string | undefined => legs?.get(report);
    let tracer: Tracer | undefined;
    if (setup.list !== undefined) {
      try {
        const matcher: IdMatcher = {
          pattern: setup.pattern,
          ...(setup.idVariants === 'loose' ? { variants: buildVariantMatcher(setup.list.requirements) } : {}),
        };
        tracer = new Tracer(setup.list.requirements, matcher, explain, legOf);
      } catch (e) {
        if (!isUserError(e)) throw e;
        this.problems.push(...e.problems);
      }
    }
    // Without a list there is nothing to trace against; the tests are still recorded as evidence.
    this.tracer = tracer ?? new Tracer(undefined, { pattern: setup.pattern }, explain, legOf);
  }

  /** A run set up from validated settings, the lists as read, and what the runner says (`RunContext`). */
  static start(settings: Settings, lists: Lists, context: RunContext, problems: readonly UserError[]): GateRun {
    return new GateRun(
      {
        list: lists.requirements,
        anomalyLists: lists.anomalies,
        pattern: settings.requirementPattern,
        idVariants: settings.idVariants,
        policy: { untracedTests: settings.untracedTests },
        provenance: {
          requirementsFile: lists.requirements?.file ?? settings.requirements,
          requirementPattern: settings.requirementPatternSource,
          ...(context.repository ? { repository: context.repository } : {}),
          ...(context.commit ? { commit: context.commit } : {}),
          ...(context.ref ? { ref: context.ref } : {}),
          ...(context.tag ? { tag: context.tag } : {}),
        },
        workspace: context.workspace,
        today: context.today,
        ...(context.legs === undefined || context.legs.size === 0 ? {} : { legs: context.legs }),
      },
      problems,
    );
  }

  /** An input that could not be read: a reason the gate fails, and an annotation at its file and line. */
  problem(e: UserError): void {
    this.problems.push(e);
  }

  /** A finding of a check outside the trace (identity, record, SOUP): a reason or, when not blocking, a warning. */
  finding(f: Finding): void {
    this.findings.push(f);
  }

  /** The SOUP check as made, for the evidence (soup.md, soup.csv, the summary). */
  soup(record: SoupRecord): void {
    this.soupRecord = record;
  }

  /** Traces one report; gives its tests one by one in evidence order, to be written out and let go. */
  add(report: Report): Iterable<TracedTest> {
    const traced = this.tracer.add(report);
    return this.watched.size === 0 ? traced : this.noteFiles(traced);
  }

  /** Keeps the files of the tests of these requirements (the suspect-requirements check needs them). */
  watchTestFiles(ids: Iterable<string>): void {
    for (const id of ids) if (!this.watched.has(id)) this.watched.set(id, new Set());
  }

  /** Each watched requirement and the files of its tests, those the reports give. */
  testFiles(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.watched;
  }

  private *noteFiles(tests: Iterable<TracedTest>): Iterable<TracedTest> {
    for (const t of tests) {
      if (t.test.file !== undefined) for (const id of t.ids) this.watched.get(id)?.add(t.test.file);
      yield t;
    }
  }

  finish(): GateOutcome {
    const { setup } = this;
    const trace = this.tracer.finish();
    const verdict = judge(trace, setup.policy, this.problems, this.anomalies, this.findings);
    const built = buildEvidence(trace, verdict, setup.provenance);
    const evidence = this.soupRecord === undefined ? built : { ...built, soup: this.soupRecord };
    // Where an input's problem or a check's finding is, as the repository's path (and line).
    const at = (where: { readonly file?: string; readonly line?: number }): { file?: string; line?: number } => {
      const file = where.file === undefined ? undefined : toRepoPath(where.file, setup.workspace);
      return file === undefined ? {} : where.line === undefined ? { file } : { file, line: where.line };
    };
    const annotations: Annotation[] = this.problems.map((p) => ({ level: 'error', title: 'Unreadable input', message: p.message, ...at(p) }));
    for (const f of this.findings) {
      annotations.push({ level: f.blocking ? 'error' : 'warning', title: f.blocking ? 'Release check failed' : 'Release check', message: f.message, ...at(f) });
    }
    let unbuilt = 0;
    if (trace.listRead && setup.list !== undefined) {
      const built = buildAnnotations(trace, verdict, setup.list, setup.workspace);
      annotations.push(...built.annotations);
      unbuilt = built.unbuilt;
    }
    return { trace, verdict, evidence, annotations: capAnnotations(annotations, unbuilt) };
  }
}
