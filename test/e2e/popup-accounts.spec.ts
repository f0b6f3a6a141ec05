/**
 * The popup, opened as a tab: first run, manual entry, codes, lock/unlock, rename, delete,
 * search and keyboard use. Codes are checked against otpauth's own computation.
 */
import type { Locator, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expect, test } from './fixtures';

const PASS = 'correct horse battery staple';
const SECRET = 'JBSWY3DPEHPK3PXP';

const totpFor = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

async function openPopup(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
}

async function createVault(page: Page) {
  await page.getByTestId('new-passphrase').fill(PASS);
  await page.getByTestId('confirm-passphrase').fill(PASS);
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('add-account')).toBeVisible();
}

async function addAccount(page: Page, input: string, portal?: { origin: string; user: string }) {
  await page.getByTestId('add-account').click();
  await page.getByTestId('otpauth-uri').fill(input);
  if (portal) {
    await page.getByTestId('account-origin').fill(portal.origin);
    await page.getByTestId('account-user').fill(portal.user);
  }
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('otpauth-uri')).toBeHidden();
}

const uri = (host: string, user: string, secret: string) =>
  `otpauth://totp/http://${host}/:${user}?secret=${secret}&issuer=http://${host}/`;

/** The row shows the code of the current step (or, read right at a boundary, the previous one). */
async function expectCode(row: Locator, secret: string) {
  const totp = totpFor(secret);
  await expect
    .poll(async () => {
      const shown = (await row.getByTestId('code').innerText()).replace(/\s/g, '');
      const now = Date.now();
      const valid = [totp.generate({ timestamp: now }), totp.generate({ timestamp: now - 30_000 })];
      return valid.includes(shown) ? 'current' : `${shown} not in ${valid.join('/')}`;
    })
    .toBe('current');
}

test('first run refuses a short or mismatched passphrase, then creates the vault', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  const pass = page.getByTestId('new-passphrase');
  const confirm = page.getByTestId('confirm-passphrase');

  await pass.fill('short');
  await confirm.fill('short');
  await page.getByTestId('create-vault').click();
  await expect(page.getByText('Too short: use at least 10 characters.')).toBeVisible();
  await expect(pass).toBeFocused();
  await expect(pass).toHaveAttribute('aria-invalid', 'true');

  await pass.fill(PASS);
  await confirm.fill(PASS + '!');
  await page.getByTestId('create-vault').click();
  await expect(page.getByText('The passphrases do not match.')).toBeVisible();
  await expect(page.getByText('Too short')).toBeHidden();
  await expect(confirm).toBeFocused();
  await expect(page.getByTestId('add-account')).toBeHidden();

  await confirm.fill(PASS);
  await page.getByTestId('create-vault').click();
  await expect(page.getByText('No accounts yet')).toBeVisible();
  await expect(page.getByTestId('lock')).toBeVisible();

  // The vault stays unlocked when the popup is opened again.
  await openPopup(page, extensionId);
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('a base32 secret added by hand shows the code otpauth computes', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);

  await page.getByTestId('add-account').click();
  await page.getByTestId('otpauth-uri').fill(SECRET);
  // A bare secret needs a user name to be told apart; the portal is optional (unbound without
  // one, issue 9). Saving without the name says so, at the field that is on screen.
  await page.getByTestId('save-account').click();
  await expect(page.getByTestId('add-error')).toContainText('user name');
  await expect(page.getByTestId('account-user')).toBeFocused();
  await page.getByTestId('account-origin').fill('https://portal.example.com');
  await page.getByTestId('account-user').fill('alice');
  await page.getByTestId('save-account').click();

  const row = page.getByTestId('account');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('portal.example.com');
  await expect(row).toContainText('alice');
  await expect(row.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
  await expectCode(row, SECRET);
  await expect(row.getByRole('timer')).toHaveAttribute('aria-label', /^\d{1,2} seconds? left$/);
});

test('an otpauth URI in the CloudMC format is bound to its issuer', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', 'WMN2B6O54ADDPUHJ'));
  // The 2015 format: a bare host as issuer, the secret with spaces as shown on the page.
  await addAccount(page, 'otpauth://totp/test.staging1.cloud.ca:fgaudreault?secret=MNMR4Z7KR6U4WC6T&issuer=test.staging1.cloud.ca');

  const rows = page.getByTestId('account');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('localhost:8484');
  await expect(rows.nth(0)).toContainText('alice');
  await expectCode(rows.nth(0), 'WMN2B6O54ADDPUHJ');
  await expect(rows.nth(1)).toContainText('test.staging1.cloud.ca');
  await expect(rows.nth(1)).toContainText('fgaudreault');
  await expectCode(rows.nth(1), 'MNMR4Z7KR6U4WC6T');
});

test('invalid input shows an error and adds nothing', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', SECRET));

  const error = page.getByTestId('add-error');
  await page.getByTestId('add-account').click();
  const input = page.getByTestId('otpauth-uri');

  await page.getByTestId('save-account').click();
  await expect(error).not.toBeEmpty();

  for (const bad of ['otpauth://totp/x:y?secret=not*base32&issuer=x.example', 'otpauth://hotp/a:b?secret=JBSWY3DPEHPK3PXP&counter=1']) {
    await input.fill(bad);
    await page.getByTestId('save-account').click();
    await expect(error).not.toBeEmpty();
    await expect(input).toHaveValue(bad); // never cleared
    await expect(input).toBeFocused();
  }

  await input.fill('not a secret!');
  await page.getByTestId('account-origin').fill('https://portal.example.com');
  await page.getByTestId('account-user').fill('bob');
  await page.getByTestId('save-account').click();
  await expect(error).not.toBeEmpty();

  // The same secret on the same origin is already there.
  await input.fill(uri('localhost:8484', 'alice', SECRET));
  await page.getByTestId('save-account').click();
  await expect(error).toContainText('already');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('account')).toHaveCount(1);
  await openPopup(page, extensionId);
  await expect(page.getByTestId('account')).toHaveCount(1);
});

test('lock, a wrong passphrase with a clear message, then unlock', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', SECRET));

  await page.getByTestId('lock').click();
  const pass = page.getByTestId('passphrase');
  await expect(pass).toBeFocused();
  await expect(page.getByTestId('account')).toHaveCount(0);

  // Locked stays locked when the popup opens again.
  await openPopup(page, extensionId);
  await expect(pass).toBeVisible();

  await pass.fill('not the passphrase');
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('unlock-error')).toHaveText('Wrong passphrase. Check it and try again.');
  await expect(pass).toHaveValue('not the passphrase');
  await expect(pass).toBeFocused();

  await pass.fill(PASS);
  await page.getByTestId('unlock').click();
  await expect(page.getByTestId('account')).toHaveCount(1);
  await expectCode(page.getByTestId('account'), SECRET);
});

test('rename inline and delete with a confirmation that says what is lost', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', SECRET));
  await addAccount(page, uri('127.0.0.1:8484', 'bob', 'WMN2B6O54ADDPUHJ'));
  const rows = page.getByTestId('account');

  await rows.nth(0).getByTestId('account-menu').click();
  await rows.nth(0).getByTestId('rename').click();
  const name = rows.nth(0).getByTestId('rename-input');
  await expect(name).toBeFocused();
  await name.fill('Production');
  await name.press('Enter');
  await expect(rows.nth(0).locator('.acct-name')).toHaveText('Production');
  await openPopup(page, extensionId);
  await expect(rows.nth(0).locator('.acct-name')).toHaveText('Production');
  await expect(rows.nth(0)).toContainText('alice');

  // Escape leaves the name as it was.
  await rows.nth(1).getByTestId('account-menu').click();
  await rows.nth(1).getByTestId('rename').click();
  await rows.nth(1).getByTestId('rename-input').fill('Nope');
  await rows.nth(1).getByTestId('rename-input').press('Escape');
  await expect(rows.nth(1).locator('.acct-name')).toHaveText('127.0.0.1:8484');

  await rows.nth(1).getByTestId('account-menu').click();
  await rows.nth(1).getByTestId('delete').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('The secret for bob@127.0.0.1:8484 will be deleted from this browser.');
  await expect(dialog).toContainText("You will need a backup code or your portal's admin to log in without it.");
  await expect(dialog.getByTestId('dialog-cancel')).toBeFocused();
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);

  // Cancelling leaves the row's menu open, focus back on Delete.
  await expect(rows.nth(1).getByTestId('delete')).toBeFocused();
  await rows.nth(1).getByTestId('delete').click();
  await dialog.getByTestId('dialog-confirm').click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Production');
  await openPopup(page, extensionId);
  await expect(rows).toHaveCount(1);
});

test('search appears past 5 accounts and filters by host, user and label', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  const secrets = ['JBSWY3DPEHPK3PXP', 'WMN2B6O54ADDPUHJ', 'MNMR4Z7KR6U4WC6T', 'GEZDGNBVGY3TQOJQ', 'KRSXG5CTMVRXEZLU', 'MFRGGZDFMZTWQ2LK'];
  for (let i = 0; i < 5; i++) await addAccount(page, uri(`host${i}.example:1`, `user${i}`, secrets[i]!));
  await expect(page.getByTestId('account')).toHaveCount(5);
  await expect(page.getByTestId('search')).toHaveCount(0);

  await addAccount(page, uri('other.example:1', 'zoe', secrets[5]!));
  await expect(page.getByTestId('account')).toHaveCount(6);
  const search = page.getByTestId('search');
  await expect(search).toBeVisible();
  await expect(search).toBeFocused();

  await search.fill('host3');
  await expect(page.getByTestId('account')).toHaveCount(1);
  await expect(page.getByTestId('account')).toContainText('user3');
  await search.fill('ZOE');
  await expect(page.getByTestId('account')).toHaveCount(1);
  await expect(page.getByTestId('account')).toContainText('other.example');
  await search.fill('nothing-like-this');
  await expect(page.getByTestId('account')).toHaveCount(0);
  await expect(page.getByText('No account matches.')).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('account')).toHaveCount(6);
});

test('arrow keys move between rows and Enter copies the code', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', SECRET));
  await addAccount(page, uri('127.0.0.1:8484', 'bob', 'WMN2B6O54ADDPUHJ'));
  const rows = page.getByTestId('account');
  const mains = page.locator('.acct-main');

  await mains.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(mains.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(mains.nth(0)).toBeFocused();
  await expect(mains.nth(0)).toHaveAccessibleName(/^Copy code \d{3} \d{3} for alice on localhost:8484$/);

  // Chromium grants no clipboard-read to extension origins here: watch the write instead.
  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: async (text: string) => void ((window as unknown as { copied: string }).copied = text),
    });
  });
  await page.keyboard.press('End');
  await expect(mains.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast')).toHaveText('Copied');
  const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
  const shown = (await rows.nth(1).getByTestId('code').innerText()).replace(/\s/g, '');
  expect(copied).toBe(shown);
});

test('at rollover the next code shows at once', async ({ page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await addAccount(page, uri('localhost:8484', 'alice', SECRET));

  // Reopen with a fake page clock that starts at the real time: the background's codes and
  // validUntil are real; only the popup's ticker is moved to the step boundary.
  await page.clock.install({ time: Date.now() });
  await openPopup(page, extensionId);
  const row = page.getByTestId('account');
  await expectCode(row, SECRET);
  const now = await page.evaluate(() => Date.now());
  const boundary = Math.ceil((now + 1) / 30_000) * 30_000;
  await page.clock.fastForward(boundary - now + 50);
  const next = totpFor(SECRET).generate({ timestamp: boundary + 50 });
  await expect(row.getByTestId('code')).toHaveText(`${next.slice(0, 3)} ${next.slice(3)}`);
  await expect(row.getByRole('timer')).toHaveAttribute('aria-label', /^(30|29) seconds left$/);
});

test('the unlock window a page opens closes itself once unlocked', async ({ context, page, extensionId }) => {
  await openPopup(page, extensionId);
  await createVault(page);
  await page.getByTestId('lock').click();

  // The background opens popup.html?unlock=1 in a window of its own (security rule 4).
  const unlockPage = await context.newPage();
  await unlockPage.goto(`chrome-extension://${extensionId}/popup.html?unlock=1`);
  await unlockPage.getByTestId('passphrase').fill(PASS);
  await Promise.all([unlockPage.waitForEvent('close'), unlockPage.getByTestId('unlock').click()]);

  await openPopup(page, extensionId);
  await expect(page.getByText('No accounts yet')).toBeVisible();
});
