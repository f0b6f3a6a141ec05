/**
 * Codes never go where they do not belong: another origin (other port or host), a frame, a
 * page script that presses our buttons. Each "nothing happened" is checked after a positive
 * answer that the extension looked (the shortcut's fill request answering "not filled"), so
 * the tests do not rely on waiting.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSandbox } from '../sandbox/server';
import { enableTwoFactor, login, logout, submitPassword } from '../sandbox/testkit/driver';
import { createVault } from './support/extension';
import { enrollWithOneClick } from './support/cloudmc';

/** Asks the tab's content script to fill its challenge, as the keyboard shortcut does. */
async function askToFill(context: BrowserContext, page: Page): Promise<boolean> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const reply = await chrome.tabs.sendMessage(tab!.id!, { type: 'cs.fillChallenge' }, { frameId: 0 });
    return (reply as { filled?: boolean }).filled === true;
  });
}

test('no code for the same host on another port, nor for the other host name', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice'); // bound to http://localhost:PORT

  // The same sandbox under 127.0.0.1: another origin, where alice has no account here.
  await page.goto(`${sandbox.altOrigin}/login`);
  await submitPassword(page, 'alice');
  const code = page.locator('#mfa-code');
  await expect(code).toBeVisible();
  expect(await askToFill(context, page)).toBe(false);
  await expect(code).toHaveValue('');

  // A second portal on another port, with 2FA turned on by hand for alice.
  const other = await startSandbox({ port: 0, testMode: true });
  try {
    await login(page, `${other.origin}/login`, 'alice');
    await enableTwoFactor(page, other.origin, 'current');
    await logout(page);
    await submitPassword(page, 'alice');
    await expect(code).toBeVisible();
    expect(await askToFill(context, page)).toBe(false);
    await expect(code).toHaveValue('');
  } finally {
    await other.close();
  }
});

test('a challenge inside a frame gets nothing, even from the enrolled origin', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollWithOneClick(page, sandbox, 'alice');
  await page.route(`${sandbox.origin}/framed`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>framed</title><iframe src="/login" width="800" height="600"></iframe>` }),
  );
  await page.goto(`${sandbox.origin}/framed`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#username').fill('alice');
  await frame.locator('#password').fill('cloudmc-demo');
  await frame.locator('#login-form button[type=submit]').click();
  await expect(frame.locator('#mfa-code')).toBeVisible();
  expect(await askToFill(context, page)).toBe(false);
  await expect(frame.locator('#mfa-code')).toHaveValue('');
});

test('page scripts cannot press the extension buttons', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await login(page, `${sandbox.origin}/login`, 'alice');
  await page.goto(`${sandbox.origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await page.locator('#password-modal input[type=password]').fill('cloudmc-demo');
  await page.locator('#password-modal button[type=submit]').click();
  const enroll = page.getByTestId('cmc-enroll');
  await expect(enroll).toBeVisible();

  // A page script looks for our button: it sits in a closed shadow root, out of reach. It
  // clicks the host instead: isTrusted is false, and the click reaches no button of ours.
  const reached = await page.evaluate(() => {
    const found = [...document.querySelectorAll('*')].some((el) => el.shadowRoot?.querySelector('[data-testid="cmc-enroll"]'));
    const host = document.querySelector<HTMLElement>('[data-testid="cmc-enroll"]')!;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return found;
  });
  expect(reached).toBe(false);
  // A trusted click would have shown a status synchronously; a synthetic one shows nothing.
  await expect(page.getByTestId('cmc-status')).toHaveCount(0);
  await expect(page.locator('#tfa-code')).toHaveValue('');

  // Forged runtime-looking messages from the page reach nothing either.
  await page.evaluate(() => window.postMessage({ type: 'enroll.begin', qr: 'data:image/png;base64,AAAA', secretText: null }, '*'));
  await expect(page.getByTestId('cmc-status')).toHaveCount(0);
});
