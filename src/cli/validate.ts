import type { Terminal } from './terminal.js';

export async function validate(_options: { readonly outputDir: string; readonly version: string }, term: Terminal): Promise<number> {
  term.err('not yet');
  return 3;
}
