// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // core/: pure TypeScript. No DOM, Node or Electron.
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'], message: 'core/ is pure: no Node, DOM or Electron.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  // renderer/: DOM only. Never electron, never Node.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', '**/electron/**'], message: 'renderer/ talks to the back end only through the TrainerClient.' }] }],
    },
  },
  // electron/services and electron/browser-shell: Node only, never electron.
  {
    files: ['electron/services/**/*.ts', 'electron/browser-shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'services and the browser shell must run under plain Node.' }], patterns: [{ group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'services do not depend on the UI or the Electron layer.' }] }],
    },
  },
  {
    files: ['renderer/**/*.worklet.ts'],
    languageOptions: { globals: { ...globals.audioWorklet } },
  },
);
