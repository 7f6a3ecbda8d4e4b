import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import layering from './eslint-rules/layering.js';

// On a loaded machine a fixed sleep is either too short (a flake) or proves nothing: wait on a condition.
const noFixedSleep = { property: 'waitForTimeout', message: 'E2E waits on a condition (expect, expect.poll, toPass), never a fixed sleep.' };
const rawFetch = 'talk to a platform through test/e2e/support/host (platformPost, platformQuery, platformAdmin): they send a 503 again after its Retry-After.';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.roster-data', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { roster: { rules: { layering } } },
    rules: {
      'roster/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is pure: no DOM, no Node (DESIGN.md).
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname', 'global'].map(
          (name) => ({ name, message: 'shared/ must stay free of DOM and Node globals.' }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-globals': ['error', { name: 'process', message: 'the renderer has no Node.' }, { name: 'require', message: 'the renderer has no Node.' }],
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', noFixedSleep],
    },
  },
  {
    // A spec's own request meets the app's at the platform's shared rate limit: it goes through
    // support/ (platformPost, platformQuery, platformAdmin), which sends a 503 again after its Retry-After.
    files: ['test/e2e/**/*.ts'],
    ignores: ['test/e2e/support/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: rawFetch }],
      'no-restricted-properties': ['error', noFixedSleep, { object: 'globalThis', property: 'fetch', message: rawFetch }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
);
