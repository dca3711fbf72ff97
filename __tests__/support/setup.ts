/**
 * Loaded before every test file: the readers the action loads on demand are loaded here once, so that
 * tests can read lists of every format without preparing each.
 */
import { prepareTableReader } from '../../src/catalogue/read-table.js';

await prepareTableReader('list.yaml');
await prepareTableReader('list.csv');
