/**
 * Screenshots of every sandbox screen (login, challenge, current and 2015 2FA flows, EN/FR/ES)
 * for comparing with the CloudMC references by eye:  npx tsx test/sandbox/screenshots.ts [outDir]
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { startSandbox } from './server';
import { totpNow } from './testkit/otp';

const out = process.argv[2] ?? '/tmp/sandbox-shots';
await mkdir(out, { recursive: true });
const sb = await startSandbox({ port: 0, testMode: true });
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium' });
const reset = (cfg: object) => fetch(`${sb.origin}/__test/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cfg) });

async function loginAs(page: Page, user: string) {
  await page.goto(`${sb.origin}/login`);
  await page.fill('#username', user);
  await page.fill('#password', 'cloudmc-demo');
  await page.click('#login-form button[type=submit]');
}
async function confirm(page: Page) {
  await page.fill('#password-modal input[type=password]', 'cloudmc-demo');
  await page.click('#password-modal button[type=submit]');
  await page.locator('#password-modal').waitFor({ state: 'detached' });
}

for (const lang of ['en', 'fr', 'es']) {
  await reset({ ui: 'current', lang });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await ctx.newPage();
  await page.goto(`${sb.origin}/login`);
  if (lang === 'en') await page.screenshot({ path: `${out}/login-${lang}.png` });
  await loginAs(page, 'rwalker');
  await page.waitForURL('**/dashboard');
  if (lang === 'en') await page.screenshot({ path: `${out}/current-dashboard-${lang}.png` });
  await page.goto(`${sb.origin}/profile/security`);
  await page.locator('#tfa-enable').waitFor();
  await page.screenshot({ path: `${out}/current-enable-${lang}.png`, fullPage: true });
  await page.click('#tfa-enable');
  await page.locator('#password-modal').waitFor();
  if (lang === 'en') await page.screenshot({ path: `${out}/current-password-${lang}.png` });
  await confirm(page);
  const secret = ((await page.locator('.secret-key').textContent()) ?? '').replace(/\s/g, '');
  await page.fill('#tfa-code', totpNow(secret).slice(0, 6));
  await page.screenshot({ path: `${out}/current-qr-${lang}.png`, fullPage: true });
  await page.click('#tfa-setup-form button[type=submit]');
  await page.locator('.backup-codes li').first().waitFor();
  await page.screenshot({ path: `${out}/current-codes-${lang}.png`, fullPage: true });
  await page.locator('#tfa-backup-codes .btn-primary').click();
  await page.locator('#tfa-manage').waitFor();
  if (lang === 'en') {
    await page.screenshot({ path: `${out}/current-enabled-${lang}.png`, fullPage: true });
    await page.click('#tfa-manage');
    await confirm(page);
    await page.screenshot({ path: `${out}/current-manage-${lang}.png`, fullPage: true });
    await page.locator('#user-menu .dropdown-toggle').click();
    await page.screenshot({ path: `${out}/current-usermenu-${lang}.png` });
  }
  await page.goto(`${sb.origin}/logout`);
  await loginAs(page, 'rwalker');
  await page.locator('#mfa-code').waitFor();
  await page.fill('#mfa-code', '096597');
  await page.screenshot({ path: `${out}/challenge-${lang}.png` });
  await page.click('#mfa-use-backup');
  await page.screenshot({ path: `${out}/challenge-backup-${lang}.png` });
  await ctx.close();
}

for (const lang of ['en', 'fr']) {
  await reset({ ui: '2015', lang, qr: 'canvas' });
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await ctx.newPage();
  await loginAs(page, 'fgaudreault');
  await page.waitForURL('**/dashboard');
  if (lang === 'en') await page.screenshot({ path: `${out}/2015-dashboard-${lang}.png` });
  await page.goto(`${sb.origin}/profile`);
  await page.locator('#tfa-enable').waitFor();
  await page.screenshot({ path: `${out}/2015-status-${lang}.png`, fullPage: true });
  await page.click('#tfa-enable');
  await page.locator('#password-modal').waitFor();
  await page.screenshot({ path: `${out}/2015-password-${lang}.png` });
  await confirm(page);
  const secret = ((await page.locator('.secret-key').textContent()) ?? '').replace(/\s/g, '');
  await page.locator('#two-factor-auth').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/2015-setup-${lang}.png`, fullPage: true });
  await page.fill('#verification-code', totpNow(secret));
  await page.click('#tfa-setup-form button[type=submit]');
  await page.locator('#backup-codes-modal').waitFor();
  await page.screenshot({ path: `${out}/2015-modal-${lang}.png` });
  await page.locator('#backup-codes-modal .modal-footer .btn-primary').click();
  await page.screenshot({ path: `${out}/2015-enabled-${lang}.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
await sb.close();
console.log('ok');
