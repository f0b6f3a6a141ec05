/**
 * The fixtures themselves: the extension context finds the MV3 service worker, reaches the
 * sandbox on both hosts (and *.test names mapped to loopback), and launchBrowser() reopens the
 * same profile with the same extension. Skipped when there is no build (.output/chrome-mv3-sandbox).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_PATH, expect, launchBrowser, test } from './fixtures';

test.skip(!existsSync(path.join(EXTENSION_PATH, 'manifest.json')), 'no extension build: run npm run build');

test('the extension context reaches the sandbox and survives a browser restart', async ({ context, page, extensionId, sandbox, userDataDir }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  for (const url of [`${sandbox.origin}/login`, `${sandbox.altOrigin}/login`, `http://portal.test:${sandbox.port}/login`]) {
    await page.goto(url);
    await expect(page.locator('#login-form')).toBeVisible();
  }
  await context.close();

  const again = await launchBrowser(userDataDir);
  try {
    const worker = again.serviceWorkers()[0] ?? (await again.waitForEvent('serviceworker'));
    expect(new URL(worker.url()).host).toBe(extensionId);
  } finally {
    await again.close();
  }
});
