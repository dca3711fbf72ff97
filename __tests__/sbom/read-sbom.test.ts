import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MAX_SBOM_COMPONENTS, MAX_SBOM_DEPTH } from '../../src/sbom/json-limits.js';
import { parsePurl } from '../../src/sbom/purl.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { repoRoot } from '../support/corpus.js';

const FIXTURES = path.join(repoRoot, '__fixtures__/sbom');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function refused(file: string, text: string): UserError {
  try {
    readSbom(file, text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).file).toBe(file);
    return e as UserError;
  }
  throw new Error('the SBOM was read');
}

describe('readSbom: real producers', () => {
  it('npm sbom --sbom-format cyclonedx: the product left out, development dependencies (and what only they pull in) not shipped', () => {
    const sbom = readSbom('sbom/npm.cdx.json', fixture('npm-cyclonedx.json'));
    expect(sbom.format).toBe('CycloneDX');
    expect(sbom.specVersion).toBe('1.5');
    expect(sbom.components.map((c) => [c.name, c.version, c.purl, c.notShipped ?? 'shipped'])).toEqual([
      ['is-number', '7.0.0', 'pkg:npm/is-number@7.0.0', 'shipped'],
      ['is-odd', '3.0.1', 'pkg:npm/is-odd@3.0.1', 'cdx:npm:package:development: true'],
      ['is-number', '6.0.0', 'pkg:npm/is-number@6.0.0', 'cdx:npm:package:development: true'],
      ['ms', '2.1.3', 'pkg:npm/ms@2.1.3', 'shipped'],
    ]);
  });

  it('npm sbom --sbom-format spdx: the DESCRIBES package left out, packages reached only through DEV_DEPENDENCY_OF not shipped', () => {
    const sbom = readSbom('sbom/npm.spdx.json', fixture('npm-spdx.json'));
    expect(sbom.format).toBe('SPDX');
    expect(sbom.product).toBe('infusion-pump-ui');
    expect(sbom.components.map((c) => [c.name, c.version, c.notShipped ?? 'shipped'])).toEqual([
      ['is-number', '7.0.0', 'shipped'],
      ['is-odd', '3.0.1', 'reached from the product only through DEV_DEPENDENCY_OF'],
      ['is-number', '6.0.0', 'reached from the product only through DEV_DEPENDENCY_OF'],
      ['ms', '2.1.3', 'shipped'],
    ]);
  });

  it('npm sbom --omit dev lists only what is shipped', () => {
    const sbom = readSbom('sbom/prod.json', fixture('npm-cyclonedx-omit-dev.json'));
    expect(sbom.components.map((c) => `${c.name}@${c.version}`)).toEqual(['is-number@7.0.0', 'ms@2.1.3']);
    expect(sbom.components.every((c) => c.notShipped === undefined)).toBe(true);
  });

  it('cdxgen on a Python requirements.txt', () => {
    const sbom = readSbom('sbom/python.json', fixture('cdxgen-python.json'));
    expect(sbom.format).toBe('CycloneDX');
    expect(sbom.components.map((c) => [c.name, c.version, c.purl, c.notShipped])).toEqual([
      ['requests', '2.32.3', 'pkg:pypi/requests@2.32.3', undefined],
      ['urllib3', '2.2.3', 'pkg:pypi/urllib3@2.2.3', undefined],
    ]);
  });
});

describe('readSbom: what CycloneDX and SPDX say is not shipped', () => {
  const cdx = (components: unknown[], extra: object = {}): string => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components, ...extra });

  it('scope optional and excluded are not shipped; required and absent are', () => {
    const sbom = readSbom('b.json', cdx([
      { name: 'a', version: '1.0.0', scope: 'optional' },
      { name: 'b', version: '1.0.0', scope: 'excluded' },
      { name: 'c', version: '1.0.0', scope: 'required' },
      { name: 'd', version: '1.0.0' },
    ]));
    expect(sbom.components.map((c) => c.notShipped)).toEqual(['scope: optional', 'scope: excluded', undefined, undefined]);
  });

  it('nested components are components; the product by bom-ref is not', () => {
    const sbom = readSbom('b.json', cdx([{ 'bom-ref': 'app', name: 'app', version: '1', components: [{ name: 'inner', version: '2.0.0' }] }], { metadata: { component: { 'bom-ref': 'app', name: 'app', version: '1' } } }));
    expect(sbom.components.map((c) => c.name)).toEqual(['inner']);
    expect(sbom.product).toBe('app');
  });

  it('an SPDX package no relationship ties to the product is shipped (fail closed)', () => {
    const sbom = readSbom('s.json', JSON.stringify({
      spdxVersion: 'SPDX-2.3',
      documentDescribes: ['SPDXRef-app'],
      packages: [
        { SPDXID: 'SPDXRef-app', name: 'app', versionInfo: '1' },
        { SPDXID: 'SPDXRef-loose', name: 'loose', versionInfo: '1.0.0' },
        { SPDXID: 'SPDXRef-both', name: 'both', versionInfo: '1.0.0' },
        { SPDXID: 'SPDXRef-tool', name: 'tool', versionInfo: '1.0.0' },
      ],
      relationships: [
        { spdxElementId: 'SPDXRef-tool', relationshipType: 'BUILD_TOOL_OF', relatedSpdxElement: 'SPDXRef-app' },
        { spdxElementId: 'SPDXRef-both', relationshipType: 'TEST_DEPENDENCY_OF', relatedSpdxElement: 'SPDXRef-app' },
        { spdxElementId: 'SPDXRef-app', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-both' },
      ],
    }));
    expect(sbom.components.map((c) => [c.name, c.notShipped])).toEqual([
      ['loose', undefined],
      ['both', undefined],
      ['tool', 'reached from the product only through BUILD_TOOL_OF'],
    ]);
  });
});

describe('readSbom: hostile and broken SBOMs fail closed, naming the file', () => {
  it('not JSON', () => {
    expect(refused('x.json', '{"bomFormat": "CycloneDX", ').message).toMatch(/not valid JSON/);
    expect(refused('x.json', 'hello').message).toMatch(/not a JSON object/);
    expect(refused('x.json', '').message).toMatch(/empty/);
    expect(refused('x.xml', '<?xml version="1.0"?><bom/>').message).toMatch(/XML/);
  });

  it('a wrong bomFormat, an unknown spec version, an unknown format', () => {
    expect(refused('x.json', JSON.stringify({ bomFormat: 'SWID', specVersion: '1.5' })).message).toMatch(/bomFormat is "SWID"/);
    expect(refused('x.json', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2' })).message).toMatch(/specVersion "1.2"/);
    expect(refused('x.json', JSON.stringify({ spdxVersion: 'SPDX-2.2', packages: [] })).message).toMatch(/reads SPDX-2.3/);
    expect(refused('x.json', JSON.stringify({ name: 'app', packages: [] })).message).toMatch(/no known format/);
    expect(refused('x.json', JSON.stringify({ bomFormat: 'CycloneDX', spdxVersion: 'SPDX-2.3' })).message).toMatch(/both/);
  });

  it('an SBOM of no component', () => {
    expect(refused('x.json', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', metadata: { component: { name: 'app', version: '1' } } })).message).toMatch(/lists no component besides the product \(app\)/);
    expect(refused('x.json', JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [] })).message).toMatch(/lists no component/);
  });

  it('a component without name or version', () => {
    const e = refused('x.json', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'a' }, { version: '1' }, 'text'] }));
    expect(e.message).toMatch(/"a" \(components\[0\]\) has no version; components\[1\] has no name; components\[2\] is not an object/);
    expect(refused('x.json', JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ SPDXID: 'SPDXRef-a', name: 'a' }] })).message).toMatch(/no versionInfo/);
  });

  it('nesting past the limit, in a linear scan before parsing (also 100,000 levels deep)', () => {
    const deep = (n: number): string => `{"bomFormat":"CycloneDX","x":${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(refused('x.json', deep(MAX_SBOM_DEPTH)).message).toMatch(/deeper than 64/);
    const started = performance.now();
    expect(refused('x.json', deep(100_000)).message).toMatch(/deeper than 64/);
    expect(performance.now() - started).toBeLessThan(1000);
    // Brackets inside strings do not count.
    expect(() => readSbom('x.json', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: '[['.repeat(100), version: '1\\"{' }] }))).not.toThrow();
  });

  it('100,000 components: refused in bounded time', () => {
    const components = Array.from({ length: 100_000 }, (_, i) => ({ name: `p${i}`, version: '1.0.0', purl: `pkg:npm/p${i}@1.0.0` }));
    const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components });
    const started = performance.now();
    expect(refused('big.json', text).message).toMatch(new RegExp(`more than ${MAX_SBOM_COMPONENTS} components`));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('parsePurl', () => {
  it('reads type, namespace and name', () => {
    expect(parsePurl('pkg:npm/%40scope/name@1.0.0')).toEqual({ type: 'npm', fullName: '@scope/name', name: 'name', version: '1.0.0' });
    expect(parsePurl('pkg:maven/org.slf4j/slf4j-api@2.0.9?type=jar')).toEqual({ type: 'maven', fullName: 'org.slf4j/slf4j-api', name: 'slf4j-api', version: '2.0.9' });
    expect(parsePurl('pkg:PyPI/Requests@2.32.3')?.type).toBe('pypi');
    expect(parsePurl('not a purl')).toBeUndefined();
  });
});

describe('readSbom: cdxgen on the npm project', () => {
  it('marks development dependencies with scope optional (and the npm property)', () => {
    const sbom = readSbom('sbom/cdxgen-npm.json', fixture('cdxgen-npm.json'));
    expect(sbom.components.map((c) => [c.name, c.version, c.notShipped ?? 'shipped'])).toEqual([
      ['is-number', '7.0.0', 'shipped'],
      ['ms', '2.1.3', 'shipped'],
      ['is-odd', '3.0.1', 'scope: optional'],
      ['is-number', '6.0.0', 'scope: optional'],
    ]);
  });
});
