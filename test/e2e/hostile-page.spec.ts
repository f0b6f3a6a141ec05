/**
 * A hostile page on an enabled CloudMC origin: a fake second QR, a QR swapped at the click, a
 * code input hidden in a cross-origin frame. Nothing leaks and nothing wrong is stored.
 * (Forged messages and synthetic clicks: autofill-abuse.spec.ts.)
 */
import QRCode from 'qrcode';
import { expect, test } from './fixtures';
import { createVault, expectCurrentCode, openPopup } from './support/extension';
import { pressOurButton } from './support/our-button';
import { hostilePage, storedAccounts } from './support/hostile';

const GENUINE = 'WMN2B6O54ADDPUHJ';
const FAKE = 'MNMR4Z7KR6U4WC6T';
const uri = (origin: string, secret: string) => `otpauth://totp/${origin}/:alice?secret=${secret}&issuer=${origin}/`;
const grouped = (secret: string) => secret.match(/.{4}/g)!.join(' ');

async function qr(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 4, scale: 5 });
}

const step = (qrImg: string, extra = '') =>
  `<form id="setup">${extra}<div class="qr">${qrImg}</div><code>${grouped(GENUINE)}</code>` +
  `<input id="code" inputmode="numeric" maxlength="6" autocomplete="one-time-code"><button type="submit" class="btn-primary">Enable</button></form>` +
  `<script>document.getElementById('setup').addEventListener('submit', (e) => e.preventDefault())</script>`;

test('a fake QR beside the real one: decoding decides, and only the QR matching the written key is taken', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  // The fake QR sits right before the input, where a detector going by position would look.
  const body =
    `<form id="setup"><div class="qr"><img alt="" src="${await qr(uri(sandbox.origin, GENUINE))}"></div>` +
    `<code>${grouped(GENUINE)}</code><div><img alt="" src="${await qr(uri(sandbox.origin, FAKE))}"></div>` +
    `<input id="code" inputmode="numeric" maxlength="6"><button type="submit" class="btn-primary">Enable</button></form>` +
    `<script>document.getElementById('setup').addEventListener('submit', (e) => e.preventDefault())</script>`;
  await hostilePage(page, sandbox, body);
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.locator('#code')).toHaveValue(/^\d{6}$/);
  // One account, pending, with the genuine key: the fake QR was read and set aside.
  const popup = await openPopup(context, extensionId);
  const rows = popup.getByTestId('account');
  await expect(rows).toHaveCount(1);
  await expectCurrentCode(rows.getByTestId('code'), GENUINE);
  await popup.close();
});

test('a QR swapped at the click is read as swapped and refused against the written key', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  const fake = await qr(uri(sandbox.origin, FAKE));
  await hostilePage(
    page,
    sandbox,
    step(`<img id="qr" alt="" src="${await qr(uri(sandbox.origin, GENUINE))}">`) +
      // The page sees the click first (capture phase on document) and swaps the image at once.
      `<script>document.addEventListener('click', () => { document.getElementById('qr').src = ${JSON.stringify(fake)}; }, true)</script>`,
  );
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.getByTestId('cmc-status')).toHaveAttribute('data-tone', 'error');
  await expect(page.locator('#code')).toHaveValue('');
  expect(await storedAccounts(context, extensionId)).toBe(0);
});

test('a code input hidden in a cross-origin frame: no enrollment step, no button', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await page.route(`${sandbox.altOrigin}/frame-input`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<input id="code" inputmode="numeric" maxlength="6">' }),
  );
  await hostilePage(
    page,
    sandbox,
    `<div><img alt="" src="${await qr(uri(sandbox.origin, GENUINE))}"><code>${grouped(GENUINE)}</code>` +
      `<iframe src="${sandbox.altOrigin}/frame-input"></iframe></div>`,
  );
  await expect(page.frameLocator('iframe').locator('#code')).toBeVisible();
  // The content script is alive in this tab and has scanned (the background's ping answers)...
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const alive = await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return (await chrome.tabs.sendMessage(tab!.id!, { type: 'cs.ping' }, { frameId: 0 }))?.alive === true;
  }, page.url());
  expect(alive).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  // ...and found no step to offer.
  await expect(page.getByTestId('cmc-enroll')).toHaveCount(0);
  expect(await storedAccounts(context, extensionId)).toBe(0);
});

test('the genuine step on the same hostile origin still works, and only its code reaches the page', async ({ context, page, sandbox, extensionId }) => {
  await createVault(context, extensionId);
  await hostilePage(page, sandbox, step(`<img alt="" src="${await qr(uri(sandbox.origin, GENUINE))}">`));
  await pressOurButton(page.getByTestId('cmc-enroll'));
  await expect(page.locator('#code')).toHaveValue(/^\d{6}$/);
  // The page got a 6-digit code; the secret is nowhere in what the extension added to it.
  const added = await page.evaluate(() => {
    const host = document.getElementById('cmc-authenticator-status');
    return (host?.shadowRoot?.textContent ?? '') + document.body.innerText;
  });
  expect(added).not.toContain(GENUINE);
  expect(await storedAccounts(context, extensionId)).toBe(1);
});
