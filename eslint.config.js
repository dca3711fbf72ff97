import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'build/', '__fixtures__/', 'examples/', '.cache/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core stays pure: only the adapters (the action's main.ts and action/, the command line's cli/), io/ and release/ talk to the runner, the file system or the clock.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', 'src/index.ts', 'src/action/**', 'src/cli/**', 'src/io/**', 'src/release/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*', 'node:fs', 'node:fs/*', 'fs', 'node:child_process'] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The core takes time as input.' }],
    },
  },
  {
    // Dependencies point inward: the pure folders never import the adapters or the code with side effects.
    files: ['src/model/**/*.ts', 'src/junit/**/*.ts', 'src/catalogue/**/*.ts', 'src/sbom/**/*.ts', 'src/validation/**/*.ts', 'src/trace/**/*.ts', 'src/gate/**/*.ts', 'src/record/**/*.ts', 'src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*', 'node:fs', 'node:fs/*', 'fs', 'node:child_process'], message: 'The core is pure: files, the runner and processes belong to io/.' },
            { group: ['**/io/*', '**/action/*', '**/cli/*', '**/release/*', '**/main.js', '**/run-gate.js', '**/index.js', '!**/model/index.js'], message: 'Dependencies point inward: the core never imports an adapter or io/.' },
          ],
        },
      ],
    },
  },
  {
    // The model is the vocabulary: data only, importing nothing but itself.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'src/model/ imports only src/model/.' }] }],
    },
  },
);
