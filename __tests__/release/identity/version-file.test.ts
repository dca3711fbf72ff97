import { describe, expect, it } from 'vitest';
import { readStatedVersion } from '../../../src/release/identity/version-file.js';

describe('readStatedVersion', () => {
  it('reads package.json', () => {
    expect(readStatedVersion('package.json', '{\n  "name": "x",\n  "version": "1.2.3"\n}\n')).toEqual({ version: '1.2.3', line: 3 });
    expect(readStatedVersion('package.json', '{"name": "x"}')).toMatchObject({ problem: expect.stringContaining('no "version"') });
    expect(readStatedVersion('package.json', '{oops')).toMatchObject({ problem: expect.stringContaining('not valid JSON') });
  });

  it('reads [project] or [tool.poetry] of pyproject.toml, and refuses a dynamic version', () => {
    expect(readStatedVersion('pyproject.toml', '[build-system]\nrequires = []\n\n[project]\nname = "pump"\nversion = "2.0.0rc1"  # the release\n')).toEqual({ version: '2.0.0rc1', line: 6 });
    expect(readStatedVersion('pyproject.toml', '[tool.poetry]\nname = "pump"\nversion = \'0.9.1\'\n')).toEqual({ version: '0.9.1', line: 3 });
    expect(readStatedVersion('pyproject.toml', '[project]\nname = "pump"\ndynamic = ["version"]\n')).toMatchObject({ problem: expect.stringContaining('dynamic version') });
  });

  it('reads [package] of Cargo.toml, not a dependency version, and refuses a workspace version', () => {
    expect(readStatedVersion('Cargo.toml', '[dependencies]\nversion = "9.9.9"\n\n[package]\nname = "pump"\nversion = "1.0.0"\n')).toEqual({ version: '1.0.0', line: 6 });
    expect(readStatedVersion('Cargo.toml', '[package]\nname = "pump"\nversion.workspace = true\n')).toMatchObject({ problem: expect.stringContaining('form the gate does not read'), line: 3 });
  });

  it("reads the project's own version of pom.xml, not its parent's", () => {
    const pom = '<?xml version="1.0"?>\n<project>\n  <parent><version>5.0.0</version></parent>\n  <!-- <version>0.0.0</version> -->\n  <version>3.1.0</version>\n</project>\n';
    expect(readStatedVersion('pom.xml', pom)).toEqual({ version: '3.1.0', line: 5 });
    expect(readStatedVersion('pom.xml', '<project><parent><version>5</version></parent></project>')).toMatchObject({ problem: expect.stringContaining('no <version> of its own') });
    expect(readStatedVersion('pom.xml', '<project><version>${revision}</version></project>')).toMatchObject({ problem: expect.stringContaining('property') });
  });

  it('reads a plain text file holding only the version', () => {
    expect(readStatedVersion('VERSION', '\nv1.4.0\n')).toEqual({ version: '1.4.0', line: 2 });
    expect(readStatedVersion('VERSION', '1.4.0\n1.5.0\n')).toMatchObject({ problem: expect.stringContaining('only the version on one line') });
  });
});
