import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CLOUDMC_MATCHES } from './lib/cloudmc/sites';

// Host access is the least that works (DESIGN.md rule 7): the known CloudMC domains and the
// sandbox origins at install time; resellers' own domains are granted at run time.
/**
 * e2e only: Chromium under automation cannot answer its permission prompt, so the automatic-
 * backup spec runs a variant built with CMC_E2E_GRANT_DOWNLOADS=1 where `downloads` is granted
 * at install; it is written to .output/chrome-mv3-downloads and never shipped.
 */
const grantDownloads = process.env.CMC_E2E_GRANT_DOWNLOADS === '1';

export default defineConfig({
  ...(grantDownloads ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-downloads' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too: the same storage.session, alarms and optional host permissions.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', ...(grantDownloads ? ['downloads'] : [])],
    host_permissions: [...CLOUDMC_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Automatic backups (opt-in): asked for when the user turns them on in the options page.
    optional_permissions: ['downloads'],
    commands: {
      'fill-code': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Fill the CloudMC code on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'authenticator@cloudmc.example',
              // 142: the first version (desktop and Android) that reads data_collection_permissions.
              strict_min_version: '142.0',
              // Nothing leaves the browser: no telemetry, no server of ours.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
