/**
 * Loaded before every test file: the readers the action loads on demand are loaded here once, so that
 * tests can read reports needing fast-xml-parser without preparing each. (List readers need no
 * preparing: see `lists.ts`.)
 */
import { prepareCaseParser } from '../../src/junit/parse-junit.js';

await prepareCaseParser();
