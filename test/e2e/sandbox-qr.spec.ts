/**
 * Every QR rendering (img with a data URL, img with a same-origin URL, canvas, inline svg) in
 * both UIs appears only after the page loaded, and decodes (jsQR on the rendered pixels) to the
 * exact CloudMC URI: issuer = login URL with trailing slash (current) or bare host (2015),
 * nothing URL-encoded, no algorithm/digits/period.
 */
import { login, openEnrollment, securityPath } from '../sandbox/testkit/driver';
import { decodeQr } from '../sandbox/testkit/qr';
import { expect, getUserState, resetSandbox, setSandboxConfig, test } from './fixtures';

const MODES = ['img-data', 'img-url', 'canvas', 'svg'] as const;
const TAG = { 'img-data': 'img', 'img-url': 'img', canvas: 'canvas', svg: 'svg' } as const;

for (const ui of ['current', '2015'] as const) {
  for (const mode of MODES) {
    test(`${ui} UI, QR as ${mode}: rendered after load, decodes to the CloudMC URI`, async ({ sandbox, plainPage: page }) => {
      await resetSandbox(sandbox, { ui, qr: mode });
      await login(page, `${sandbox.origin}/login`, 'alice');
      await page.goto(sandbox.origin + securityPath(ui));
      await expect(page.locator('#tfa-enable')).toBeVisible();
      await expect(page.locator('.qr-code')).toHaveCount(0);

      const secret = await openEnrollment(page);
      expect(secret).toMatch(/^[A-Z2-7]{16}$/);
      const qr = page.locator('#tfa-setup-form .qr-code');
      await expect(qr).toBeVisible();
      expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe(TAG[mode]);
      if (mode === 'img-data') await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/);
      if (mode === 'img-url') await expect(qr).toHaveAttribute('src', /^\/api\/profile\/2fa\/qr\.png\?/);

      const expected =
        ui === 'current'
          ? `otpauth://totp/${sandbox.origin}/:alice@example.com?secret=${secret}&issuer=${sandbox.origin}/`
          : `otpauth://totp/localhost:alice?secret=${secret}&issuer=localhost`;
      expect(await decodeQr(qr)).toBe(expected);
      expect((await getUserState(sandbox, 'alice')).twoFactor.pendingSecret).toBe(secret);
    });
  }
}

test('the issuer follows the host the browser used (127.0.0.1)', async ({ sandbox, plainPage: page }) => {
  await resetSandbox(sandbox, { ui: 'current', qr: 'svg' });
  await login(page, `${sandbox.altOrigin}/login`, 'bob');
  expect(page.url()).toBe(`${sandbox.altOrigin}/dashboard`);
  await page.goto(`${sandbox.altOrigin}/profile/security`);
  const secret = await openEnrollment(page);
  expect(await decodeQr(page.locator('.qr-code'))).toBe(
    `otpauth://totp/${sandbox.altOrigin}/:bob@example.com?secret=${secret}&issuer=${sandbox.altOrigin}/`,
  );
});

test('the initial HTML holds no challenge, enrollment step or backup codes', async ({ sandbox, plainPage: page }) => {
  const loginHtml = await (await page.request.get(`${sandbox.origin}/login`)).text();
  expect(loginHtml).toContain('id="login-form"');
  expect(loginHtml).not.toMatch(/one-time-code|mfa-|backup/i);

  await login(page, `${sandbox.origin}/login`, 'carol');
  for (const ui of ['current', '2015'] as const) {
    await setSandboxConfig(sandbox, { ui });
    const html = await (await page.request.get(sandbox.origin + securityPath(ui))).text();
    expect(html).toContain(ui === 'current' ? 'id="two-factor"' : 'id="two-factor-auth"');
    expect(html).not.toMatch(/qr-code|secret-key|backup-code|tfa-code|verification-code|<img|<canvas/);
  }
});
