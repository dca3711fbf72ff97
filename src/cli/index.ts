#!/usr/bin/env node
// The `release-gate` command (package.json `bin`), bundled to dist/cli/index.js.
import { main } from './main.js';

// @actions/glob logs through @actions/core's `debug`, which writes `::debug::` workflow commands to
// stdout unconditionally: meant for the runner, noise on a terminal or in another CI's log.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  typeof chunk === 'string' && chunk.startsWith('::debug::') ? true : write(chunk, ...rest)) as typeof process.stdout.write;

process.exitCode = await main(process.argv.slice(2), process.env);
