/**
 * The CloudMC content script runs where the manifest says (CloudMC domains and the sandbox on
 * any port) and nowhere else. Presence is asked the way the background itself asks: a
 * runtime message to the tab, answered only by our content script.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * How many tabs answer a ping from the background. Without the "tabs" permission the worker
 * cannot see the URL of a tab outside its host permissions, so we count over all tabs; each
 * test has one web page open.
 */
async function tabsAnswering(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const answers = await Promise.all(
      tabs.map((tab) =>
        chrome.tabs.sendMessage(tab.id!, { type: 'cs.ping' }).then(
          (answer) => answer?.alive === true,
          () => false, // "Receiving end does not exist": no content script in that tab
        ),
      ),
    );
    return answers.filter(Boolean).length;
  });
}

test('the content script runs on both sandbox hosts, on any port', async ({ context, page, sandbox }) => {
  for (const origin of [sandbox.origin, sandbox.altOrigin]) {
    await page.goto(`${origin}/login`);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    await expect.poll(() => tabsAnswering(context)).toBe(1);
  }
});

test('the content script is absent from a page of another origin', async ({ context, page, sandbox }) => {
  const other = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Not CloudMC</title><p>Another site.</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const port = (other.address() as AddressInfo).port;
    // Prove the probe works in this very browser first, so "false" below means "absent".
    await page.goto(`${sandbox.origin}/login`);
    await expect.poll(() => tabsAnswering(context)).toBe(1);

    await page.goto(`http://not-cloudmc.test:${port}/`);
    await expect(page).toHaveTitle('Not CloudMC');
    // document_idle scripts run by the first idle period after load at the latest.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(await tabsAnswering(context)).toBe(0);
  } finally {
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  }
});
