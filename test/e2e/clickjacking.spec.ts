/**
 * Issue 10, items 2 and 11: a hostile script on an enabled CloudMC origin cannot reach our
 * buttons (closed shadow roots), cannot get a person to press one they cannot see, and cannot
 * break the page UI by creating our element ids first.
 */
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, test, type Sandbox } from './fixtures';
import { createVault } from './support/extension';
import { pressOurButton } from './support/our-button';
import { hostilePage, storedAccounts } from './support/hostile';

const SECRET = 'WMN2B6O54ADDPUHJ';
const grouped = SECRET.match(/.{4}/g)!.join(' ');

async function enrollmentPage(page: Page, sandbox: Sandbox, script = '', before = ''): Promise<void> {
  const qr = await QRCode.toDataURL(`otpauth://totp/${sandbox.origin}/:alice?secret=${SECRET}&issuer=${sandbox.origin}/`, { margin: 4, scale: 5 });
  const body =
    `${before}<form id="setup"><div class="qr"><img alt="" src="${qr}"></div><code>${grouped}</code>` +
    `<input id="code" inputmode="numeric" maxlength="6" autocomplete="one-time-code"><button type="submit" class="btn-primary">Enable</button></form>` +
    `<script>document.getElementById('setup').addEventListener('submit', (e) => e.preventDefault());${script}</script>`;
  await hostilePage(page, sandbox, body);
}

test('the page finds no shadow root to reach into', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollmentPage(page, sandbox);
  const host = page.getByTestId('cmc-enroll');
  await expect(host).toBeVisible();
  expect(await host.evaluate((el) => el.shadowRoot === null && el.childElementCount === 0)).toBe(true);
});

test('a transparent button under the cursor: a real click there does nothing', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollmentPage(page, sandbox);
  const host = page.getByTestId('cmc-enroll');
  await expect(host).toHaveAttribute('data-armed', 'true');
  // The page hides our button (its host is in the page's DOM) and lures a click onto it.
  await host.evaluate((el) => (el.parentElement!.style.opacity = '0.01'));
  const box = (await host.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // The same button, shown as it is, then works: the refusal above was not a broken button.
  await host.evaluate((el) => (el.parentElement!.style.opacity = ''));
  await expect(page.getByTestId('cmc-status')).toHaveCount(0);
  await expect(page.locator('#code')).toHaveValue('');
  expect(await storedAccounts(context, extensionId)).toBe(0);
  await pressOurButton(host);
  await expect(page.locator('#code')).toHaveValue(/^\d{6}$/);
});

test('a button covered by a lure that lets clicks through does nothing', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollmentPage(page, sandbox);
  const host = page.getByTestId('cmc-enroll');
  await expect(host).toHaveAttribute('data-armed', 'true');
  const box = (await host.boundingBox())!;
  // A "Play" button drawn over ours that lets clicks fall through to ours (pointer-events:none
  // also hides it from elementFromPoint): Chrome's IntersectionObserver v2 sees it.
  await page.evaluate((b) => {
    const lure = document.createElement('div');
    lure.textContent = 'Play';
    lure.style.cssText = `position:fixed;left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px;background:#fff;z-index:9;pointer-events:none`;
    document.body.append(lure);
  }, box);
  await expect(host).not.toHaveAttribute('data-armed', 'true');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#code')).toHaveValue('');
  expect(await storedAccounts(context, extensionId)).toBe(0);
});

test('our element ids created by the page first change nothing', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await enrollmentPage(page, sandbox, '', '<div id="cmc-authenticator-status"></div>');
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.locator('#code')).toHaveValue(/^\d{6}$/);
  await expect(page.getByTestId('cmc-status')).toBeVisible();
});
