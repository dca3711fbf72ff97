import { expect } from 'vitest';
import { UserError, UserErrors } from '../../src/errors.js';
import { thrown } from './factories.js';

/** Runs `fn`, expecting one UserError; returns it. */
export function userError(fn: () => unknown): UserError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

/** Runs `fn`, expecting a UserErrors with every problem of a file; returns them. */
export function userErrors(fn: () => unknown): readonly UserError[] {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(UserErrors);
  return (e as UserErrors).errors;
}
