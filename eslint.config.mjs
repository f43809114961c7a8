// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layering, enforced: apps never import each other, libs never import apps, and production
 * code never imports test scaffolding (the `testing` entry points). Each group of files gets one
 * `no-restricted-imports` (flat config replaces a rule rather than merging its options).
 */
const restrict = (message, group) => ({ group, message });
const APP = {
  api: restrict('An app never imports another app: share code through a lib', ['**/ledger-api/**']),
  cli: restrict('An app never imports another app: share code through a lib', ['**/ledger-cli/**']),
  web: restrict('An app never imports another app: share code through a lib', ['**/ledger-web/**']),
};
const ANY_APP = restrict('A lib never imports an app', [
  '**/apps/**',
  '**/ledger-api/**',
  '**/ledger-cli/**',
  '**/ledger-web/**',
]);
const TESTING = restrict('Test scaffolding is for tests only', [
  '**/testing',
  '**/testing/**',
  '@cohesion/*/testing',
]);
/** Personal data stands on its own, so that any layer (even a read model) may open envelopes. */
const ANY_LIB = restrict('@cohesion/personal-data stands on its own: it imports no other lib', [
  '@cohesion/*',
  '@cohesion/*/**',
]);
const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/testing/**'];
const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-cli/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'eslint.config.mjs',
      'jest.config.js',
      // Plain Node ESM run as a child process by the sign-in suite, outside the TypeScript project.
      'test/support/oidc-provider/*.mjs',
      'test-artefacts/**',
      'apps/ledger-web/dist/**',
      'apps/ledger-web/scripts/**',
      'apps/ledger-web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No import circles: a module and what it imports form a tree, so each can be read alone.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer(['apps/ledger-api/**/*.ts'], [APP.cli, APP.web, TESTING], TESTS),
  layer(['apps/ledger-api/**/*.spec.ts'], [APP.cli, APP.web]),
  layer(['apps/ledger-cli/**/*.ts'], [APP.api, APP.web, TESTING], TESTS),
  layer(['apps/ledger-cli/**/*.spec.ts'], [APP.api, APP.web]),
  layer(['apps/ledger-web/**/*.{ts,tsx}'], [APP.api, APP.cli, TESTING]),
  layer(['libs/**/*.ts'], [ANY_APP, TESTING], TESTS),
  layer(
    TESTS.map((pattern) => `libs/${pattern}`),
    [ANY_APP],
  ),
  layer(['libs/personal-data/**/*.ts'], [ANY_APP, TESTING, ANY_LIB], TESTS),
  layer(
    TESTS.map((pattern) => `libs/personal-data/${pattern}`),
    [ANY_APP, ANY_LIB],
  ),
  {
    // The launchers (and a test's preload) are CommonJS run before anything is compiled: linted,
    // without type information.
    files: ['bin/**/*.js', 'test/support/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
