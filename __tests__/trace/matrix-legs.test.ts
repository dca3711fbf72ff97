import { describe, expect, it } from 'vitest';
import { matrixLegs } from '../../src/trace/matrix-legs.js';

describe('matrixLegs', () => {
  it('is the first folder of each report under the folder they share', () => {
    expect([...matrixLegs(['artifacts/reports-ubuntu/junit.xml', 'artifacts/reports-windows/unit/a.xml', 'artifacts/reports-macos/junit.xml'])]).toEqual([
      ['artifacts/reports-ubuntu/junit.xml', 'reports-ubuntu'],
      ['artifacts/reports-windows/unit/a.xml', 'reports-windows'],
      ['artifacts/reports-macos/junit.xml', 'reports-macos'],
    ]);
    expect(matrixLegs(['reports-a/x.xml', 'reports-b/x.xml']).get('reports-b/x.xml')).toBe('reports-b');
  });

  it('finds none for one job: one report, one folder, or a report in the shared folder itself', () => {
    expect(matrixLegs(['reports/a/x.xml']).size).toBe(0);
    expect(matrixLegs(['reports/a/x.xml', 'reports/a/y.xml']).size).toBe(0);
    expect(matrixLegs(['reports/a.xml', 'reports/c/deep.xml']).size).toBe(0);
  });
});
