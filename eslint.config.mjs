import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // Use-cases never reach back into the Forge entry points (core <- app <- handlers).
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/handlers/**', '../index', '../wiring'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
