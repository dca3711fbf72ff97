import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/run-action.js';

/** The Node 24 binary that .ci/run installs (action.yml says `using: node24`), or undefined. */
export const node24: string | undefined = [process.env['NODE24'], path.join(repoRoot, '.cache/node24/node_modules/node/bin/node')].find(
  (p): p is string => p !== undefined && p !== '' && fs.existsSync(p),
);
if (process.env['CI'] === 'true' && node24 === undefined) throw new Error('Node 24 is missing: .ci/run installs it into .cache/node24');
if (node24 === undefined) {
  console.warn(`SKIPPED the end-to-end runs on Node 24 (action.yml: node24): no Node 24 at .cache/node24 or in NODE24, so the bundle runs on Node ${process.versions.node} only; .ci/run installs it`);
}
