/**
 * The domain vocabulary of the release gate. Data only: no logic lives here.
 *
 * Dependencies point inward: io/main -> report -> gate -> trace/catalogue/junit -> model.
 */

export * from './test.js';
export * from './junit-report.js';
export * from './lists.js';
export * from './trace.js';
export * from './verdict.js';
export * from './policies.js';
export * from './evidence.js';
export * from './soup.js';
export * from './release-identity.js';
export * from './record.js';
