import fs from 'node:fs/promises';
import path from 'node:path';
import { readSoupList } from '../catalogue/read-soup.js';
import { UserError } from '../errors.js';
import type { GateRun } from '../evaluate.js';
import { checkSoup } from '../gate/soup.js';
import type { Sbom, SoupList } from '../model/index.js';
import { MAX_SBOM_BYTES } from '../sbom/json-limits.js';
import { readSbom } from '../sbom/read-sbom.js';
import type { SoupSettings } from '../settings.js';
import { findReports } from './collect-reports.js';
import { displayPath, readInsideWorkspace } from './files.js';
import { readListFile } from './read-list.js';
import type { RunLog } from './run-log.js';

/**
 * The SOUP phase: the SOUP list and every SBOM the globs match, then the check, whose findings and
 * record go to the gate. A list or SBOM that cannot be read is a problem of the gate (it fails
 * whatever the policy); the check runs only when all of them were read, since a component of an
 * unread SBOM would go unchecked and the rows documenting it would look stale.
 */
export async function checkSoupPhase(settings: SoupSettings, workspace: string, gate: GateRun, log: RunLog): Promise<void> {
  await log.group('SOUP', async () => {
    let unread = false;
    const keep = (e: unknown): void => {
      if (!(e instanceof UserError)) throw e;
      unread = true;
      e.problems.forEach((p) => gate.problem(p));
    };
    let list: SoupList | undefined;
    try {
      list = readSoupList(await readListFile(settings.list, workspace, 'the SOUP list'));
      log.untrusted(`${list.rows.length} SOUP ${list.rows.length === 1 ? 'row' : 'rows'} in ${list.file}`);
    } catch (e) {
      keep(e);
    }
    const found = await findReports(settings.sboms, workspace, {
      input: 'sbom',
      noun: 'SBOM',
      shortNoun: 'SBOM',
      missingHint: 'check the path and that the step producing the SBOM (npm sbom, cdxgen, syft, anchore/sbom-action) ran before this step',
    });
    found.problems.forEach(keep);
    const sboms: Sbom[] = [];
    for (const file of found.files) {
      try {
        const sbom = await readSbomFile(file, workspace);
        log.untrusted(`${sbom.file}: ${sbom.format} ${sbom.specVersion}, ${sbom.components.length} ${sbom.components.length === 1 ? 'component' : 'components'}`);
        sboms.push(sbom);
      } catch (e) {
        keep(e);
      }
    }
    if (list === undefined || unread) {
      log.info('SOUP not checked: an input could not be read (see the reasons)');
      return;
    }
    const check = checkSoup(list, sboms, { policy: settings.policy, riskThreshold: settings.riskThreshold });
    for (const f of check.findings) gate.finding(f);
    gate.soup(check.record);
    const open = check.findings.filter((f) => f.code !== 'soup-stale').length;
    log.info(`${check.record.components.length} components checked: ${open === 0 ? 'every shipped one documented' : `${open} SOUP findings`}${settings.policy === 'warn' ? ' (soup-policy: warn)' : ''}`);
  });
}

/** One SBOM file, refused by its size before it is read whole. */
async function readSbomFile(file: string, workspace: string): Promise<Sbom> {
  const shown = displayPath(path.resolve(workspace, file), workspace);
  const size = (await fs.stat(path.resolve(workspace, file)).catch(() => undefined))?.size ?? 0;
  if (size > MAX_SBOM_BYTES) throw new UserError(`the SBOM is ${size} bytes, more than the ${MAX_SBOM_BYTES} the gate reads`, { file: shown });
  const bytes = await readInsideWorkspace(file, workspace, 'the SBOM');
  return readSbom(shown, new TextDecoder().decode(bytes));
}
