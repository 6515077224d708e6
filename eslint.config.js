import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A command module gets IO, files and the network from the Context (DESIGN.md).
    files: ['src/commands/**/*.ts', 'src/platforms/**/index.ts', 'src/platforms/**/adapter.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'use the Context (ctx.io, ctx.env)' }],
      'no-restricted-imports': ['error', { paths: ['undici', 'node:fs', 'node:http', 'fs', 'http'] }],
    },
  },
  {
    // A sandbox dialect is a second, independent reading of a platform's documents:
    // it states every fact it needs itself, so a misreading in an adapter cannot hide
    // behind the same misreading in the server it is tested against.
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/platforms/**'], message: 'a sandbox dialect reads the documents itself: import nothing from an adapter (src/platforms)' }] }],
    },
  },
);
