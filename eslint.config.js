// Flat config: syntax-only (no type-aware rules) so `eslint .` stays fast; types are
// checked by `tsc` (tsconfig.json for browser code, tsconfig.node.json for Node JS).
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
  // Plain JavaScript (Node scripts, server, configs): globals and types are checked by
  // `tsc -p tsconfig.node.json` (allowJs + checkJs), so no-undef would only duplicate it.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'no-undef': 'off',
    },
  },
);
