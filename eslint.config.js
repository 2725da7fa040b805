// Flat config. Types are checked by `tsc` (tsconfig.json for browser code, tsconfig.node.json
// for Node JS); eslint adds two type-aware rules (floating promises, exhaustive switches).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      '**/node_modules/**',
      'examples/**/node_modules/**',
      'src/localization/generated/**',
      // Apps type-checked against the packed tarball (test/node/framework-types.test.mjs), some broken on purpose.
      'test/node/fixtures/**',
      'coverage/**',
      '.cache/**',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        {
          'ts-ignore': true,
          'ts-nocheck': true,
          'ts-check': false,
          'ts-expect-error': 'allow-with-description',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Lit, its templates' accessibility, and custom-element best practice for browser code.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    rules: {
      // LitElement always defines connectedCallback & co., so the guard is noise with Lit
      // (the eslint-plugin-lit docs recommend turning it off).
      'wc/guard-super-call': 'off',
    },
  },
  // Type-aware rules where a type says more than syntax: a promise nobody awaits or catches
  // loses its failure, and a switch over a union must name every member.
  {
    files: ['src/**/*.ts', 'server/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises that the runner itself awaits.
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // Node tests are type-checked by server/tsconfig.json and tsconfig.node.json (the browser
  // tsconfig.json excludes them).
  {
    files: ['test/server/**/*.ts', 'test/e2e/**/*.ts', 'test/node/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['server/tsconfig.json', 'tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  // Browser tests: chai-a11y-axe types every chai Assertion as thenable, so the rule would flag
  // each synchronous `expect(...).to.equal(...)`. Async assertions there are awaited by review
  // and fail loudly when not (mocha reports the rejection).
  {
    files: ['test/**/*.ts'],
    ignores: ['test/server/**', 'test/e2e/**', 'test/node/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  // Plain JavaScript (Node scripts, server, configs): globals and types are checked by
  // `tsc -p tsconfig.node.json` (allowJs + checkJs), so no-undef would only duplicate it.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-undef': 'off',
    },
  },
);
