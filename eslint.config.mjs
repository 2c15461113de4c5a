import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Outside the core, the core and the contract are reached only through their public entries. */
const DEEP_IMPORTS = [
  { regex: '(^|/)src/(core|contract)(/|$)', message: 'import @core, @core/browser or @contract instead of a path into src' },
  { regex: '^@core/(?!browser$)', message: 'the core has two entries: @core and @core/browser' },
  { regex: '^@contract/', message: 'the contract has one entry: @contract' },
];
/** The backend imports them relatively (the Forge bundle does not know the aliases). */
const DEEP_RELATIVE = [
  { regex: '^(\\.\\./)+core/(?!browser$)', message: 'import the core through its index (../core) or its browser entry' },
  { regex: '^(\\.\\./)+contract/', message: 'import the contract through its index (../contract)' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'coverage/', 'test-artifacts/', '.emulator-state/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The functional core stays pure: no platform, no clock, no environment.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@forge/*', '../jira/*', '../store/*', '../handlers/*', '../app/*', '**/jira/**', '**/store/**', '**/handlers/**', '**/app/**', 'fs', 'http', 'https'] }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core never reads the clock: take `now` as a parameter' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core never reads the clock: take `now` as a parameter' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'core never reads the environment' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/**', 'test/core/**', 'static/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: DEEP_IMPORTS }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/contract/**', 'src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: DEEP_RELATIVE }] },
  },
  {
    // Use-cases never reach back into the Forge entry points (core <- app <- handlers).
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DEEP_RELATIVE, { group: ['**/handlers/**', '../index', '../wiring'], message: 'use-cases never import entry points' }] }],
    },
  },
  {
    // The UIs get the browser entry of the core, without holiday rule data.
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DEEP_IMPORTS, { regex: '^@core$', message: 'UIs import @core/browser' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
