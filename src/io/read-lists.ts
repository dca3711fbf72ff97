import { anomaliesFromIssues } from '../catalogue/issue-anomalies.js';
import { readAnomalies } from '../catalogue/read-anomalies.js';
import { readRequirements } from '../catalogue/read-requirements.js';
import type { Lists } from '../evaluate.js';
import type { AnomalyList, RequirementList } from '../model/index.js';
import type { Settings } from '../settings.js';
import { readListFile } from './read-list.js';
import { fetchLabelledIssues } from './github-issues.js';
import type { RunLog } from './run-log.js';

/**
 * The lists phase: the requirements list, then the known anomalies (a file, GitHub issues). The
 * anomalies come before the reports: each failing test is matched against them as it is read.
 */
export async function readLists(settings: Settings, workspace: string, repository: string, keep: (e: unknown) => void, log: RunLog): Promise<Lists> {
  const requirements = await log.group('Requirements list', async () => {
    try {
      const read = readRequirements(await readListFile(settings.requirements, workspace, 'the requirements list'), { pattern: settings.requirementPattern });
      log.info(`${read.requirements.length} requirements in ${read.file}`);
      return read;
    } catch (e) {
      keep(e);
      return undefined as RequirementList | undefined;
    }
  });
  const anomalies = await log.group('Known anomalies', async () => {
    const out: AnomalyList[] = [];
    if (settings.anomalies !== undefined) {
      try {
        out.push(readAnomalies(await readListFile(settings.anomalies, workspace, 'the anomaly list')));
      } catch (e) {
        keep(e);
      }
    }
    if (settings.anomalyLabel !== undefined) {
      try {
        const issues = await fetchLabelledIssues(settings.githubToken, repository, settings.anomalyLabel);
        out.push(anomaliesFromIssues(settings.anomalyLabel, issues));
      } catch (e) {
        keep(e);
      }
    }
    for (const l of out) log.untrusted(`${l.anomalies.length} known anomalies in ${l.file}`);
    return out;
  });
  return { requirements, anomalies };
}
