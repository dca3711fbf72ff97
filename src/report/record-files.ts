/** The three files of the release record, rendered once the verdict is known. Pure. */
import type { Anomaly, Evidence, ReleaseRecord } from '../model/index.js';
import { renderChangeSummary } from './change-summary.js';
import { EVIDENCE_FILES } from './evidence.js';
import { renderReleaseChecklist } from './release-checklist.js';
import { renderReleaseNotes } from './release-notes.js';

export type RecordFileName = typeof EVIDENCE_FILES.changeSummary | typeof EVIDENCE_FILES.releaseNotes | typeof EVIDENCE_FILES.releaseChecklist;

export function renderRecordFiles(record: ReleaseRecord, evidence: Evidence, anomalies: readonly Anomaly[]): [RecordFileName, string][] {
  const heading = evidence.provenance.repository === undefined ? {} : { repository: evidence.provenance.repository };
  return [
    [EVIDENCE_FILES.changeSummary, renderChangeSummary(record, heading)],
    [EVIDENCE_FILES.releaseNotes, renderReleaseNotes({ record, evidence, anomalies }, heading)],
    [EVIDENCE_FILES.releaseChecklist, renderReleaseChecklist(record, evidence, heading)],
  ];
}
