/** fast-xml-parser, set up for a test case cut out of a report (see parsed-tree.ts); loaded on demand. */
import { XMLParser } from 'fast-xml-parser';
import { ATTRIBUTES } from './parsed-tree.js';

/** Elements of a test case that fast-xml-parser must always give as arrays. */
const REPEATED = new Set([
  'failure',
  'error',
  'warning',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'property',
  'properties',
  'system-out',
  'testcase',
  'testsuite',
]);

export function newCaseParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Attributes apart from elements: an unknown element inside a test case must not pass for an attribute.
    attributesGroupName: ATTRIBUTES,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // Decodes numeric character references; named entities other than XML's five were refused by the scan.
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
}
