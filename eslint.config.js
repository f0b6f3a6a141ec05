// ESLint flat config: typescript-eslint's recommended rules, eqeqeq, and the architecture of
// DESIGN.md "Layout" as import rules (a file knows its room).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import rules, each a regex on the import string (relative, `@/` alias or package). */
const NO_ENTRYPOINTS = { regex: '(^|/)entrypoints(/|$)', message: 'lib/ never imports entrypoints/ (entrypoints wire lib/ together).' };
const NO_VAULT_OR_BACKGROUND = {
  regex: '(^|/)(lib/|\\.\\./)+(vault|background)(/|$)',
  message: 'lib/content and lib/page-ui run in pages, lib/cloudmc is shared with them: they never import the vault or the background.',
};
const NO_INJECTED_UI = {
  regex: '(^|/)((lib/|\\.\\./)+page-ui(/|$)|entrypoints/page-ui$)',
  allowTypeImports: true,
  message: 'The always-loaded content script (lib/content) never bundles the page UI (lib/page-ui): reach it through pageUi() (lib/content/load-page-ui.ts).',
};
const NO_QR_CODE = {
  regex: '(^|/)(lib/|\\.\\./)+qr(/|$)',
  allowTypeImports: true,
  message: 'The always-loaded content script never bundles QR capture or decoding: the page UI captures, the background decodes.',
};
const COMPONENT_RULES = [
  { regex: '^wxt/browser$', message: 'components/ never call browser.*: go through the api the entrypoint provides.' },
  { regex: '(^|/)lib/(vault|qr)(/|$)', allowTypeImports: true, message: 'components/ hold no crypto and no QR decoding: ask the background.' },
];
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

/**
 * The content script that runs on every CloudMC page, and what it loads: lib/content, and the
 * portal facts it needs from lib/cloudmc. lib/page-ui is injected on demand.
 */
const ALWAYS_LOADED = ['lib/content/**/*.ts', 'lib/cloudmc/sites.ts'];
const IN_PAGES = ['lib/cloudmc/**/*.ts', 'lib/content/**/*.ts', 'lib/page-ui/**/*.ts'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tour/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The protocol writes "a message with no fields" as {}.
  { files: ['lib/messages/protocol.ts'], rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }] } },
  // Tests build malformed documents on purpose (any) and feed 1e400 (Infinity) to parsers.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-loss-of-precision': 'off' } },
  // Classic scripts of extension pages may use the chrome global directly.
  { files: ['public/**/*.js'], languageOptions: { globals: { chrome: 'readonly' } } },
  // Later entries win for a file, so each repeats the wider rooms' rules.
  { files: ['lib/**/*.ts'], rules: restrict(NO_ENTRYPOINTS) },
  { files: IN_PAGES, rules: restrict(NO_ENTRYPOINTS, NO_VAULT_OR_BACKGROUND) },
  { files: ALWAYS_LOADED, rules: restrict(NO_ENTRYPOINTS, NO_VAULT_OR_BACKGROUND, NO_INJECTED_UI, NO_QR_CODE) },
  { files: ['entrypoints/cloudmc.content.ts'], rules: restrict(NO_INJECTED_UI, NO_QR_CODE) },
  { files: ['components/**/*.{ts,tsx}'], rules: restrict(...COMPONENT_RULES) },
);
