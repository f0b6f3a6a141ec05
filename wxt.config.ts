import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { LOOPBACK_MATCHES, builtInMatches } from './lib/cloudmc/sites';
import { oneResourcePage } from './build/one-resource-page';

// Host access is the least that works (DESIGN.md rule 7): the store build (`wxt build`) knows
// CloudMC's own domains; the sandbox build (`wxt build --mode sandbox`, in .output/*-sandbox)
// adds the loopback origins. Resellers' own domains (https, or loopback) are granted at run time.
/**
 * e2e only: Chromium under automation cannot answer its permission prompt, so the automatic-
 * backup spec runs a variant built with CMC_E2E_GRANT_DOWNLOADS=1 where `downloads` is granted
 * at install; a sandbox-mode build written to .output/chrome-mv3-downloads and never shipped.
 */
const grantDownloads = process.env.CMC_E2E_GRANT_DOWNLOADS === '1';

export default defineConfig({
  ...(grantDownloads ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-downloads' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too: the same storage.session, alarms and optional host permissions.
  manifestVersion: 3,
  // The sandbox build is a production build with other host patterns: same minified code, same
  // Preact (WXT would otherwise set NODE_ENV to the mode's name; the npm script sets it too).
  vite: ({ mode, command }) => ({
    // Built, popup.html loads one resource: its script, with its CSS inline (see the file).
    plugins: [preact(), ...(command === 'build' ? oneResourcePage(['entrypoints/popup/index.html']) : [])],
    // The content script runs on every CloudMC page: a slim context in place of WXT's (see the file).
    resolve: { alias: { 'wxt/utils/content-script-context': fileURLToPath(new URL('lib/content/script-context.ts', import.meta.url)) } },
    ...(mode === 'sandbox' ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // public/icon/ is written by `npm run icons` (scripts/icons.ts); the toolbar switches to
    // the open padlock while the vault is unlocked (lib/background/toolbar.ts).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', ...(grantDownloads ? ['downloads'] : [])],
    host_permissions: builtInMatches(mode),
    // No plain http beyond loopback: the browser itself refuses to grant it.
    optional_host_permissions: ['https://*/*', ...LOOPBACK_MATCHES],
    // Automatic backups (opt-in): asked for when the user turns them on in the options page.
    optional_permissions: ['downloads'],
    commands: {
      'fill-code': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdFillCode__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'authenticator@cloudmc.example',
              // 140 (the ESR Debian ships): the first desktop version that reads
              // data_collection_permissions; Android reads it from 142.
              strict_min_version: '140.0',
              // Nothing leaves the browser: no telemetry, no server of ours.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // 106: tabs.sendMessage to one documentId (a backup code goes only to the page load
          // that asked; issue 10), the newest API we use (storage.session 102,
          // scripting.registerContentScripts 96, Object.hasOwn 93, crypto.randomUUID 92).
          minimum_chrome_version: '106',
        }),
  }),
});
