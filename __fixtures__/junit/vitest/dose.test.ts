import { describe, expect, test } from 'vitest';
import { MAX_RATE_ML_PER_H, capRate, dose, formatDisplay, loadPumpConfig } from './dose';

test('SRS-001: computes dose from weight', () => {
  expect(dose(70, 0.5)).toBe(35);
});

test('SRS-002: rejects negative weight', () => {
  expect(() => dose(-1, 0.5)).toThrow(RangeError);
});

// Deliberate failure: dose() does not round.
test('SRS-003: rounds dose to 0.1 mg', () => {
  expect(dose(3.33, 1.0), 'dose must be rounded to 0.1 mg').toBe(3.3);
});

test.skip('SRS-004: alarms on occlusion', () => {
  throw new Error('occlusion sensor not simulated');
});

test('formats the display', () => {
  console.log(`display shows ${formatDisplay(35)}`);
  expect(formatDisplay(35)).toBe('35.0 mg');
});

// Deliberate error: an exception outside any assertion.
test('SRS-005: reads pump config', () => {
  const config = loadPumpConfig('missing.cfg');
  expect(config.maxRate).toBe(MAX_RATE_ML_PER_H);
});

// The IDs are given only as a test annotation (written as a <property>).
test('limits the rate', async ({ annotate }) => {
  await annotate('SRS-006, SRS-007', 'requirements');
  expect(MAX_RATE_ML_PER_H).toBeLessThanOrEqual(1200);
});

describe('SRS-008 bolus', () => {
  describe('limits', () => {
    test('caps at max', () => {
      expect(capRate(1500)).toBe(MAX_RATE_ML_PER_H);
    });
  });
});

test('SRS-001: handles µg & "quoted" <b>|pipes|</b>', () => {
  expect(formatDisplay(0.5)).toBe('0.5 mg');
});
