import { expect, it } from 'vitest';
import { failureMessage, REASONS_IN_MESSAGE } from '../src/action/publish.js';
import { capAnnotations, MAX_ERROR_ANNOTATIONS, type Annotation } from '../src/report/annotations.js';

it(`lists at most ${REASONS_IN_MESSAGE} reasons, each bounded, then says how many more and where they are`, () => {
  const reasons = Array.from({ length: 5000 }, (_, i) => `SRS-${i} is not verified: ${'x'.repeat(i === 0 ? 5000 : 10)}`);
  const message = failureMessage(reasons, 'release-gate-evidence/traceability.json');
  const lines = message.split('\n');
  expect(lines[0]).toBe('The release gate failed (5000 reasons):');
  expect(lines).toHaveLength(1 + REASONS_IN_MESSAGE + 1);
  expect(lines[1]!.length).toBeLessThanOrEqual(502);
  expect(lines.at(-1)).toBe(`- … and ${5000 - REASONS_IN_MESSAGE} more: see the job summary and release-gate-evidence/traceability.json`);
  expect(message.length).toBeLessThan(20_000);
});

it('lists every reason when there are few', () => {
  expect(failureMessage(['a', 'b'], 'e.json')).toBe('The release gate failed (2 reasons):\n- a\n- b');
});

it('leaves one of the 10 error annotations GitHub shows for the verdict itself', () => {
  const errors: Annotation[] = Array.from({ length: 30 }, (_, i) => ({ level: 'error', title: `e${i}`, message: 'm' }));
  const shown = capAnnotations(errors);
  expect(shown.filter((a) => a.level === 'error')).toHaveLength(MAX_ERROR_ANNOTATIONS);
  expect(MAX_ERROR_ANNOTATIONS + 1).toBe(10);
});
