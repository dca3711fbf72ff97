const assert = require('node:assert/strict');
const { MAX_RATE_ML_PER_H, dose, capRate, formatDisplay, loadPumpConfig } = require('./dose.cjs');

it('SRS-001: computes dose from weight', () => {
  assert.equal(dose(70, 0.5), 35);
});

it('SRS-002: rejects negative weight', () => {
  assert.throws(() => dose(-1, 0.5), RangeError);
});

// Deliberate failure: dose() does not round.
it('SRS-003: rounds dose to 0.1 mg', () => {
  assert.equal(dose(3.33, 1.0), 3.3, 'dose must be rounded to 0.1 mg');
});

it.skip('SRS-004: alarms on occlusion', () => {
  throw new Error('occlusion sensor not simulated');
});

it('formats the display', () => {
  assert.equal(formatDisplay(35), '35.0 mg');
});

// Deliberate error: an exception outside any assertion.
it('SRS-005: reads pump config', () => {
  const config = loadPumpConfig('missing.cfg');
  assert.equal(config.maxRate, MAX_RATE_ML_PER_H);
});

it('SRS-006 SRS-007: limits the rate', () => {
  assert.ok(MAX_RATE_ML_PER_H <= 1200);
});

describe('SRS-008 bolus', () => {
  describe('limits', () => {
    it('caps at max', () => {
      assert.equal(capRate(1500), MAX_RATE_ML_PER_H);
    });
  });
});

it('SRS-001: handles µg & "quoted" <b>|pipes|</b>', () => {
  assert.equal(formatDisplay(0.5), '0.5 mg');
});
