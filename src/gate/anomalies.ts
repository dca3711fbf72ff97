import { trimBlank } from '../catalogue/blank.js';
import { isPlaceholder, plainText } from '../catalogue/placeholder.js';
import type { Anomaly, AnomalyStatus, EvaluatedAnomaly, TestCase } from '../model/index.js';
import { visible } from '../trace/requirement-ids.js';
import { labelOf } from '../trace/trace.js';

/** Statuses of a known anomaly that is still in the released software (IEC 62304 §5.8.2). */
export const RESIDUAL_STATUSES: ReadonlySet<AnomalyStatus> = new Set(['open', 'deferred', 'accepted']);

/**
 * Severity words that are High or worse: never acceptable by default, and in need of a benefit-risk
 * reference. The common scales of ISO 14971, IEC 62304 and bug trackers.
 */
export const HIGH_SEVERITY_WORDS: readonly string[] = [
  'high', 'higher', 'highest', 'critical', 'catastrophic', 'serious', 'severe', 'major', 'blocker', 'fatal', 'hazardous', 'urgent', 'significant',
];

/** Words that say a failure can hurt someone: whatever stands beside them, the severity is High. */
export const HARM_WORDS: readonly string[] = [
  'death', 'deaths', 'dead', 'die', 'dies', 'died', 'dying', 'deadly', 'lethal', 'fatality', 'fatalities', 'mortal', 'mortality',
  'threatening', 'injury', 'injuries', 'injure', 'injures', 'injured', 'harm', 'harms', 'harmful', 'harmed', 'hazard', 'hazards',
  'danger', 'dangerous', 'unsafe', 'overdose', 'underdose',
];

/** High or worse in other common languages (German, French, Spanish, Italian, Portuguese, Dutch, Nordic, Polish, Russian, Chinese). */
export const HIGH_SEVERITY_WORDS_OTHER_LANGUAGES: readonly string[] = [
  'hoch', 'hohe', 'hoher', 'hohes', 'hochste', 'kritisch', 'kritische', 'schwer', 'schwerwiegend', 'ernst', 'ernsthaft', 'gefahrlich',
  'todlich', 'katastrophal', 'eleve', 'elevee', 'eleves', 'elevees', 'haut', 'haute', 'critique', 'grave', 'graves', 'serieux',
  'serieuse', 'majeur', 'majeure', 'mortel', 'mortelle', 'dangereux', 'catastrophique', 'alta', 'alto', 'altas', 'altos', 'critico',
  'critica', 'serio', 'seria', 'elevado', 'elevada', 'elevato', 'elevata', 'mortale', 'peligroso', 'pericoloso', 'perigoso',
  'catastrofico', 'hoog', 'hoge', 'kritiek', 'ernstig', 'ernstige', 'gevaarlijk', 'dodelijk', 'hog', 'hoy', 'høy', 'høj', 'kritisk',
  'allvarlig', 'alvorlig', 'wysoki', 'wysoka', 'krytyczny', 'krytyczna', 'powazny', 'powazna', 'высокий', 'высокая', 'высокое',
  'критический', 'критическая', 'серьезный', 'серьезная', 'опасный', '高', '重大', '严重', '嚴重', '致命',
];

/** Severity words below High. */
export const LOWER_SEVERITY_WORDS: readonly string[] = [
  'low', 'lower', 'lowest', 'medium', 'moderate', 'minor', 'negligible', 'trivial', 'marginal', 'normal', 'cosmetic', 'minimal', 'insignificant', 'mild',
];

/**
 * Words that may stand beside a lower severity word without changing it (`very low`, `Low risk`,
 * `Severity: Low`); codes (`S1`, `3`, `Class C`, `II`) may too. Any other word makes a lower cell unclassifiable.
 */
export const SEVERITY_NEUTRAL_WORDS: readonly string[] = [
  'very', 'severity', 'sev', 'level', 'class', 'category', 'cat', 'grade', 'rating', 'score', 'risk', 'iso', 'iec',
];

/** Text as it is compared: compatibility forms plain (NFKC), invisible characters and accents removed, lower case. */
function foldSeverity(text: string): string {
  return plainText(text).normalize('NFC');
}

const HIGH_WORDS = new Set([...HIGH_SEVERITY_WORDS, ...HARM_WORDS, ...HIGH_SEVERITY_WORDS_OTHER_LANGUAGES].map(foldSeverity));
const LOWER_WORDS = new Set(LOWER_SEVERITY_WORDS);
const NEUTRAL_WORDS = new Set(SEVERITY_NEUTRAL_WORDS);
/** A severity code: a number, `S3`, a class letter, a Roman numeral. Its direction is not known. */
const SEVERITY_CODE = /^(?:[a-z]?[0-9]+|[a-e]|i|ii|iii|iv|v)$/;
/** `Sev 1`, `Severity-0`, `SEV1`: trackers count these from the worst, so they read as High. */
const TOP_SEVERITY_CODE = /(?:^| )sev(?:erity)? ?[01](?: |$)/;

/**
 * The class of a severity cell, from the severity words wherever they stand in it (`High (S3)`,
 * `3 - High`, `S3 - Serious`, `Very-High`). Any High word or word of harm makes it high, also beside a
 * lower one (`Medium-High`, `not critical`, `Minor, may cause death`): the worse reading wins. A lower
 * word makes it lower only beside codes and neutral words (`Low (S1)`, `very low`); beside any other
 * word (`Low probability`, `Low / niedrig`) it is unknown. Without a severity word (`S3`, `3`,
 * `Sev-2`) the scale's direction is unknown and the severity cannot be classified. Compared as a
 * reader sees it: full-width forms, invisible characters and accents do not hide a word.
 */
export function classifySeverity(severity: string): 'high' | 'lower' | 'unknown' {
  const words = foldSeverity(severity).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.some((w) => HIGH_WORDS.has(w)) || TOP_SEVERITY_CODE.test(words.join(' '))) return 'high';
  if (!words.some((w) => LOWER_WORDS.has(w))) return 'unknown';
  return words.every((w) => LOWER_WORDS.has(w) || NEUTRAL_WORDS.has(w) || SEVERITY_CODE.test(w)) ? 'lower' : 'unknown';
}

/** The assessment fields, by the names a reader sees in the list; a justification and an assessor are words. */
const ASSESSMENT_FIELDS = [
  ['severity', 'Severity', {}],
  ['justification', 'Justification', { needsWords: true }],
  ['assessedBy', 'Assessed By', { needsWords: true }],
] as const;

export interface AnomalyPolicy {
  /** Whether the list has an Acceptable column; without one, an unanswered anomaly is acceptable when its severity word is below High. */
  readonly hasAcceptableColumn: boolean;
  /** Today's date, `YYYY-MM-DD` (UTC), read by the caller: an assessment dated later is not valid. */
  readonly today?: string;
  /** IDs of the requirements list, when it was read: a residual anomaly may name no other. */
  readonly requirementIds?: ReadonlySet<string>;
}

/**
 * Evaluates one anomaly. Without an Acceptable column (the common QMS template has none), an assessed
 * anomaly counts as acceptable unless its severity is High or worse; with the column, an empty cell is
 * a missing part of the assessment. A field holding only a placeholder (`TBD`, `-`, `N/A`) is missing.
 */
export function evaluateAnomaly(anomaly: Anomaly, policy: AnomalyPolicy): EvaluatedAnomaly {
  const residual = RESIDUAL_STATUSES.has(anomaly.status);
  const missing: string[] = [];
  for (const [key, label, options] of ASSESSMENT_FIELDS) {
    const value = anomaly[key];
    if (trimBlank(value) === '') missing.push(label);
    else if (isPlaceholder(value, options)) missing.push(`${label} ("${shorten(value)}" is a placeholder)`);
  }
  const date = anomaly.assessmentDate;
  if (!date.valid) missing.push(trimBlank(date.text) === '' ? 'Assessment Date' : `Assessment Date (not a date in YYYY-MM-DD: "${shorten(date.text)}")`);
  else if (policy.today !== undefined && date.date > policy.today) missing.push(`Assessment Date (${date.date} is in the future)`);
  if (policy.hasAcceptableColumn && anomaly.acceptable === 'unanswered') missing.push('Acceptable');
  const assessed = missing.length === 0;
  const severityFilled = trimBlank(anomaly.severity) !== '' && !isPlaceholder(anomaly.severity);
  const severity = severityFilled ? classifySeverity(anomaly.severity) : undefined;
  const high = severity === 'high';
  const acceptable = anomaly.acceptable === 'unanswered' ? !policy.hasAcceptableColumn && severity === 'lower' : anomaly.acceptable === 'yes';

  const problems: string[] = [];
  if (residual) {
    if (!assessed) problems.push(`its assessment is incomplete: missing ${missing.join(', ')}`);
    if (severity === 'unknown') {
      problems.push(
        `its severity "${shorten(anomaly.severity)}" cannot be classified; write a severity word such as ` +
          'Negligible, Low, Minor, Medium, Moderate, High, Serious, Critical or Catastrophic (a code such as S3 may stand beside it; ' +
          'other words beside a lower one make it unclear)',
      );
    } else if (assessed && !acceptable) {
      problems.push(
        anomaly.acceptable === 'no'
          ? 'its assessment says the residual risk is not acceptable'
          : `its severity is ${anomaly.severity} and the list has no Acceptable column to accept it`,
      );
    }
    if (high && (trimBlank(anomaly.benefitRisk) === '' || isPlaceholder(anomaly.benefitRisk))) {
      const placeholder = trimBlank(anomaly.benefitRisk) === '' ? '' : ` ("${shorten(anomaly.benefitRisk)}" is a placeholder)`;
      problems.push(`its severity is ${anomaly.severity} but it names no benefit-risk analysis${placeholder}`);
    }
    const ids = policy.requirementIds;
    // A placeholder (`-`, `n/a`) names no requirement; one with a number in it (`SRS-999 (pending)`) does.
    const namesNone = (id: string): boolean => isPlaceholder(id) && !/\p{N}/u.test(id);
    const unknown = ids === undefined ? [] : anomaly.requirements.filter((id) => !ids.has(id) && !namesNone(id));
    if (unknown.length > 0) {
      const named = unknown.map((id) => shorten(id)).join(', ');
      problems.push(`its Requirements name ${named}, ${unknown.length === 1 ? 'which is' : 'which are'} not in the requirements list`);
    }
  }
  return { anomaly, residual, assessed, missing, acceptable, high, problems, explainsFailures: residual && problems.length === 0 };
}

/** A value as quoted in a message: one line, at most 60 characters. */
function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/**
 * Whether a `Tests` entry of an anomaly names the test: exact, classname-qualified, or a `*` glob.
 * Both are compared as they display, without invisible characters: an entry naming `SRS-0012 b` must
 * not match a test whose name only looks so (`SRS-001\u034f2 b`), nor miss one that does.
 */
export function namesTest(pattern: string, test: TestCase, label: string = labelOf(test)): boolean {
  const p = visible(pattern).trim();
  if (p === '') return false;
  const name = visible(test.name);
  const classname = visible(test.classname);
  const suites = test.suites.map(visible);
  const candidates = [name, visible(label)];
  if (classname !== '') candidates.push(`${classname}.${name}`, `${classname}::${name}`, `${classname}#${name}`, `${classname} ${name}`);
  if (suites.length > 0) candidates.push([...suites, name].join(' › '), [...suites, name].join(' > '));
  if (test.displayName !== undefined) candidates.push(visible(test.displayName));
  if (!p.includes('*')) return candidates.includes(p);
  return candidates.some((c) => globMatches(p, c));
}

/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters. Greedy, going back
 * only to the last `*`: at worst pattern length x text length steps, never the exponential
 * backtracking a regular expression can fall into on a test name written by the code under test.
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The anomalies (that may explain failures) whose `Tests` name the test. */
export function explainingAnomalies(test: TestCase, anomalies: readonly EvaluatedAnomaly[], label: string = labelOf(test)): EvaluatedAnomaly[] {
  return anomalies.filter((a) => a.explainsFailures && a.anomaly.tests.some((p) => namesTest(p, test, label)));
}

/** What the tracer asks of each failing or flaky test: the IDs of the anomalies that explain it. */
export function anomalyExplainer(anomalies: readonly EvaluatedAnomaly[]): (test: TestCase, label: string) => readonly string[] {
  const usable = anomalies.filter((a) => a.explainsFailures);
  return (test, label) => (usable.length === 0 ? [] : explainingAnomalies(test, usable, label).map((a) => a.anomaly.id));
}

