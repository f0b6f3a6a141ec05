/**
 * The sandbox's security behaviour, which the extension's tests rely on: replayed TOTP codes are
 * refused, 5 failures lock the challenge (until the server clock passes the lockout), the clock
 * offset drives TOTP and the Date header, split hosts hand the login over with a one-time
 * token, and /__test exists only in test mode.
 */
import { answerChallenge, enableTwoFactor, login, loginWithChallenge, logout, submitPassword } from '../sandbox/testkit/driver';
import { continueWith, expectRefused, reachChallenge } from '../sandbox/testkit/flows';
import { CHALLENGE } from '../sandbox/testkit/labels';
import { totpAt, totpNow, wrongCode } from '../sandbox/testkit/otp';
import { decodeQr } from '../sandbox/testkit/qr';
import { startSandbox } from '../sandbox/server';
import { expect, getUserState, resetSandbox, setSandboxConfig, test } from './fixtures';

const EN = CHALLENGE.en;

test('a TOTP code already used is refused at the next login (replay)', async ({ sandbox, plainPage: page }) => {
  const loginUrl = `${sandbox.origin}/login`;
  await login(page, loginUrl, 'alice');
  const { secret, backupCodes } = await enableTwoFactor(page, sandbox.origin, 'current');
  await logout(page);

  // The same code twice: within its own step or the next, the second use is a replay.
  const code = totpNow(secret);
  await loginWithChallenge(page, loginUrl, 'alice', code);
  await logout(page);
  await reachChallenge(page, 'en', 'alice');
  expect(await continueWith(page, 'en', code, 'totp')).toBe(401);
  await expectRefused(page, EN.invalid);
  expect((await getUserState(sandbox, 'alice')).failedChallenges).toBe(1);
  expect(await continueWith(page, 'en', backupCodes[0]!, 'backup')).toBe(200);
  await page.waitForURL('**/dashboard');
});

test('five failed attempts lock the challenge until the lockout has passed', async ({ sandbox, plainPage: page }) => {
  await resetSandbox(sandbox, { lockoutSeconds: 60 });
  await login(page, `${sandbox.origin}/login`, 'bob');
  const { secret, backupCodes } = await enableTwoFactor(page, sandbox.origin, 'current');
  await logout(page);
  await reachChallenge(page, 'en', 'bob');

  for (let attempt = 1; attempt <= 4; attempt++) {
    expect(await continueWith(page, 'en', wrongCode(secret), 'totp')).toBe(401);
    await expectRefused(page, EN.invalid);
    expect((await getUserState(sandbox, 'bob')).failedChallenges).toBe(attempt);
  }
  expect(await continueWith(page, 'en', wrongCode(secret), 'totp')).toBe(429);
  await expectRefused(page, EN.locked);
  const locked = await getUserState(sandbox, 'bob');
  expect(locked.failedChallenges).toBe(5);
  expect(locked.lockedUntil).toBeGreaterThan(Date.now() + 50_000);

  // Locked: even a right code or an unused backup code is refused.
  expect(await continueWith(page, 'en', totpNow(secret), 'totp')).toBe(429);
  await expectRefused(page, EN.locked);
  expect(await continueWith(page, 'en', backupCodes[0]!, 'backup')).toBe(429);
  expect((await getUserState(sandbox, 'bob')).twoFactor.usedBackupCodes).toEqual([]);

  // The lock runs on the server clock: move it past the lockout and a right code works.
  await setSandboxConfig(sandbox, { clockOffsetSeconds: 90 });
  await page.reload();
  await expect(page.getByText(EN.prompt, { exact: true })).toBeVisible();
  expect(await continueWith(page, 'en', totpNow(secret, 90), 'totp')).toBe(200);
  await page.waitForURL('**/dashboard');
  expect(await getUserState(sandbox, 'bob')).toMatchObject({ failedChallenges: 0, lockedUntil: null });
});

test('the clock offset drives TOTP verification and the Date header', async ({ sandbox, plainPage: page }) => {
  const offset = 3600;
  await resetSandbox(sandbox, { clockOffsetSeconds: offset });
  const res = await fetch(`${sandbox.origin}/login`);
  const serverDate = Date.parse(res.headers.get('date') ?? '');
  expect(Math.abs(serverDate - (Date.now() + offset * 1000))).toBeLessThan(5_000);

  await login(page, `${sandbox.origin}/login`, 'carol');
  // Enrollment accepts the code of the offset clock (enableTwoFactor types totpNow(secret, offset)).
  const { secret } = await enableTwoFactor(page, sandbox.origin, 'current', offset);
  await logout(page);
  await reachChallenge(page, 'en', 'carol');
  // The code of the real clock is an hour off: refused (unless, by a 1-in-10^5 chance, it
  // happens to equal a code valid at the server's time).
  const now = Date.now();
  const validAtServer = [-1, 0, 1].map((d) => totpAt(secret, now + offset * 1000 + d * 30_000));
  const realClock = totpAt(secret, now);
  if (!validAtServer.includes(realClock)) {
    expect(await continueWith(page, 'en', realClock, 'totp')).toBe(401);
    await expectRefused(page, EN.invalid);
  }
  expect(await continueWith(page, 'en', totpNow(secret, offset), 'totp')).toBe(200);
  await page.waitForURL('**/dashboard');
});

test('splitHosts: login on 127.0.0.1 hands over to localhost and stays logged in', async ({ sandbox, plainPage: page, plainContext }) => {
  await resetSandbox(sandbox, { splitHosts: true });
  // The app host sends a visitor without a session to the login host.
  await page.goto(`${sandbox.origin}/dashboard`);
  await expect(page).toHaveURL(`${sandbox.altOrigin}/login`);

  const handoff = page.waitForRequest((r) => r.url().includes('/auth/handoff?token='));
  await submitPassword(page, 'alice');
  await page.waitForURL(`${sandbox.origin}/dashboard`);
  const handoffUrl = (await handoff).url();
  expect(handoffUrl.startsWith(`${sandbox.origin}/auth/handoff?token=`)).toBe(true);
  await page.reload();
  await expect(page).toHaveURL(`${sandbox.origin}/dashboard`);
  // The session cookie lives on the app host only, and the handoff token was single-use.
  const cookies = await plainContext.cookies([sandbox.origin, sandbox.altOrigin]);
  expect(cookies.filter((c) => c.name === 'cmc_session').map((c) => c.domain)).toEqual(['localhost']);
  const replay = await fetch(handoffUrl, { redirect: 'manual' });
  expect(replay.status).toBe(302);
  expect(replay.headers.get('location')).toBe(`${sandbox.altOrigin}/login`);

  // Enrolled on the app host, the QR names the login host as issuer; the challenge runs there.
  const { secret } = await enableTwoFactor(page, sandbox.origin, 'current');
  await page.goto(`${sandbox.origin}/profile/security`);
  await expect(page.locator('#tfa-manage')).toBeVisible();
  await logout(page);
  expect(page.url()).toBe(`${sandbox.altOrigin}/login`);
  await submitPassword(page, 'alice');
  await answerChallenge(page, totpNow(secret));
  await page.waitForURL(`${sandbox.origin}/dashboard`);
  await page.goto(`${sandbox.origin}/profile`);
  await expect(page).toHaveURL(`${sandbox.origin}/profile`);
});

test('splitHosts: the QR issuer is the login origin', async ({ sandbox, plainPage: page }) => {
  await resetSandbox(sandbox, { splitHosts: true, qr: 'canvas' });
  await login(page, `${sandbox.altOrigin}/login`, 'bob');
  expect(page.url()).toBe(`${sandbox.origin}/dashboard`);
  await page.goto(`${sandbox.origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await page.locator('#password-modal input[type=password]').fill('cloudmc-demo');
  await page.locator('#password-modal button[type=submit]').click();
  const secret = ((await page.locator('.secret-key').textContent()) ?? '').replace(/\s/g, '');
  expect(await decodeQr(page.locator('.qr-code'))).toBe(
    `otpauth://totp/${sandbox.altOrigin}/:bob@example.com?secret=${secret}&issuer=${sandbox.altOrigin}/`,
  );
});

test('the challenge survives a reload, Cancel returns to the password form, wrong passwords are refused', async ({ sandbox, plainPage: page }) => {
  await login(page, `${sandbox.origin}/login`, 'alice');
  await page.goto(`${sandbox.origin}/profile/security`);
  await page.locator('#tfa-enable').click();
  await page.locator('#password-modal input[type=password]').fill('wrong password');
  await page.locator('#password-modal button[type=submit]').click();
  await expect(page.locator('#password-modal [role="alert"]')).toHaveText('Invalid password.');
  await page.locator('#password-modal .btn-default').click();
  await expect(page.locator('#password-modal')).toHaveCount(0);
  await enableTwoFactor(page, sandbox.origin, 'current');
  await logout(page);

  await page.locator('#username').fill('alice');
  await page.locator('#password').fill('not-the-password');
  await page.locator('#login-form button[type=submit]').click();
  await expect(page.locator('#login-form [role="alert"]')).toHaveText('Invalid username or password.');

  await reachChallenge(page, 'en', 'alice');
  await page.reload();
  await expect(page.getByText(EN.prompt, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: EN.cancel, exact: true }).click();
  await expect(page.locator('#login-form')).toBeVisible();
  await expect(page.locator('#mfa-form')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#login-form')).toBeVisible();
  await expect(page.locator('#mfa-form')).toHaveCount(0);
});

test('the login form also works without JavaScript (plain form post)', async ({ sandbox, browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.origin}/login`);
    await page.locator('#username').fill('alice');
    await page.locator('#password').fill('nope');
    await page.locator('#login-form button[type=submit]').click();
    await expect(page.locator('#login-form [role="alert"]')).toHaveText('Invalid username or password.');
    await expect(page.locator('#username')).toHaveValue('alice');
    await page.locator('#password').fill('cloudmc-demo');
    await page.locator('#login-form button[type=submit]').click();
    await page.waitForURL(`${sandbox.origin}/dashboard`);
    expect(page.url()).not.toContain('password');
  } finally {
    await context.close();
  }
});

test('/__test/* answers only in test mode', async ({ sandbox }) => {
  expect((await fetch(`${sandbox.origin}/__test/users/alice`)).status).toBe(200);
  expect((await fetch(`${sandbox.origin}/__test/users/nobody`)).status).toBe(404);
  const plain = await startSandbox({ port: 0 });
  try {
    expect((await fetch(`${plain.origin}/__test/users/alice`)).status).toBe(404);
    expect((await fetch(`${plain.origin}/__test/reset`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${plain.altOrigin}/login`)).status).toBe(200);
  } finally {
    await plain.close();
  }
});
