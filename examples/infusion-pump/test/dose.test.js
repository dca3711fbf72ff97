import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dose, limitRate, MAX_RATE_ML_PER_H } from '../src/dose.js';

describe('dose calculator', () => {
  it('SRS-001: computes dose from weight', () => {
    assert.equal(dose(70, 2), 140);
  });
  it('SRS-002: rejects negative weight', () => {
    assert.throws(() => dose(-1, 2), RangeError);
  });
  it('SRS-003: rounds dose to 0.1 mg', () => {
    assert.equal(dose(3.333, 1), 3.3);
  });
});

describe('SRS-004 rate limit', () => {
  it('caps the rate at the pump maximum', () => {
    assert.equal(limitRate(5000), MAX_RATE_ML_PER_H);
  });
  it('passes lower rates through', () => {
    assert.equal(limitRate(10), 10);
  });
});
