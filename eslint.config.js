import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noBareJsxText from './scripts/eslint/no-bare-jsx-text.js';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' };

/** Refuses imports of electron/<folder>, written relative (`../web/…`) or from the root (`…/electron/web/…`). */
const importsOf = (folder, message) => ({ regex: `(^|/)electron/${folder}(/|$)|^(\\.\\./)+${folder}(/|$)`, message });
const hostsApart = 'electron/main and electron/web never import from each other: what both need lives in electron/host.';
const hostIsShared = 'electron/host is shared by the desktop app and browser mode: it imports from neither.';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // TypeScript checks names; plain .js/.mjs scripts run in Node.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, local: { rules: { 'no-bare-jsx-text': noBareJsxText } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'local/no-bare-jsx-text': 'error',
    },
  },
  {
    // Only the Electron entry points may import electron.
    files: ['electron/core/**', 'electron/host/**', 'electron/demo-platform/**', 'renderer/**', 'shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // The desktop app and browser mode share electron/host and never import from each other.
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [importsOf('web', hostsApart)] }] },
  },
  {
    files: ['electron/web/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [importsOf('main', hostsApart)] }] },
  },
  {
    // What both hosts share depends on neither of them.
    files: ['electron/host/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [importsOf('main', hostIsShared), importsOf('web', hostIsShared)] }],
    },
  },
);
