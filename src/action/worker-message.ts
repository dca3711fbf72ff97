import type { ActionSettings } from './settings.js';

/** What the main thread hands a worker thread: the checked settings and the report files it collected. */
export interface WorkerMessage {
  readonly settings: ActionSettings;
  readonly reports: readonly string[];
}

type Check = (value: unknown) => boolean;
const text: Check = (v) => typeof v === 'string';
const oneOf = (...allowed: string[]): Check => (v) => typeof v === 'string' && allowed.includes(v);
const texts: Check = (v) => Array.isArray(v) && v.every(text);

/** Each field of the message and what it must be; a `?` marks a field that may be absent. */
const SHAPE: Readonly<Record<string, Check>> = {
  reports: texts,
  'settings.workspace': text,
  'settings.gate.reports': texts,
  'settings.gate.requirements': text,
  'settings.gate.requirementPattern': (v) => v instanceof RegExp,
  'settings.gate.requirementPatternSource': text,
  'settings.gate.idVariants': oneOf('exact', 'loose'),
  'settings.gate.untracedTests': oneOf('fail', 'warn'),
  'settings.gate.anomalies?': text,
  'settings.gate.anomalyLabel?': text,
  'settings.gate.githubToken': text,
  'settings.gate.evidenceDir': text,
  'settings.gate.soup.list?': text,
  'settings.gate.soup.sboms?': texts,
  'settings.gate.soup.policy?': oneOf('enforce', 'warn'),
  'settings.gate.soup.riskThreshold?': (v) => Number.isInteger(v),
  'settings.gate.soup.riskThresholdName?': text,
  'settings.gate.releaseChecks': oneOf('enforce', 'warn'),
  'settings.gate.tagPattern?': text,
  'settings.gate.versionFile?': text,
  'settings.gate.record.tagPattern?': text,
  'settings.gate.record.previousRelease?': text,
  'settings.gate.record.controlledDocuments': texts,
  'settings.gate.record.executiveSummary?': text,
  'settings.gate.record.changeDecision?': text,
  'settings.gate.record.changelog?': text,
  'settings.gate.record.suspectRequirements': oneOf('warn', 'fail'),
  'settings.release.upload': (v) => typeof v === 'boolean',
  'settings.release.artifactName?': text,
  'settings.release.retentionDays?': (v) => Number.isInteger(v),
  'settings.release.version?': text,
  'settings.release.archiveName?': text,
  'settings.release.releaseTag?': text,
};

/**
 * The worker's `workerData`, checked field by field: the main thread sends what it validated, and a
 * message of another shape (a bundle built from two versions, say) is a bug, said plainly.
 */
export function checkWorkerMessage(data: unknown): WorkerMessage {
  for (const [key, check] of Object.entries(SHAPE)) {
    const optional = key.endsWith('?');
    const fieldPath = optional ? key.slice(0, -1) : key;
    const value = fieldPath.split('.').reduce<unknown>((at, name) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[name] : undefined), data);
    if ((value === undefined && !optional) || (value !== undefined && !check(value))) {
      throw new Error(`internal error: the worker thread was started with a message whose ${fieldPath} is ${value === undefined ? 'missing' : `of the wrong kind (${typeof value})`}`);
    }
  }
  return data as WorkerMessage;
}
