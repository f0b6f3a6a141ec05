/**
 * Issue 10, item 9: an account's URL issuer gets its codes only on the same site as the
 * enrollment origin, or once the user allowed that other site in the popup.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registrableDomain, sameSite } from '@/lib/cloudmc/same-site';
import { askUi, login, storeAccount, uiHandlers, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

describe('sameSite', () => {
  it.each([
    ['https://app.acme.com', 'https://login.acme.com', true],
    ['https://portal.acme.co.uk', 'https://login.acme.co.uk', true],
    ['https://charter.dev.cloudmc.io', 'https://login.charter.dev.cloudmc.io', true],
    ['https://a.cloudmc.io', 'https://b.cloudmc.io', false],
    ['https://acme.co.uk', 'https://evil.co.uk', false],
    ['https://app.acme.com', 'http://login.acme.com', false],
    ['http://localhost:8080', 'http://127.0.0.1:8080', false],
    ['https://acme.com', 'https://evil.com', false],
  ])('%s and %s: %s', (a, b, same) => expect(sameSite(a, b)).toBe(same));

  it('an IP address is its own registrable domain', () => expect(registrableDomain('10.0.0.1')).toBe('10.0.0.1'));
});

describe('a URL issuer naming another site', () => {
  const enrolledOn = 'https://portal.acme.com';
  const sender = (origin: string) => ({ origin, tabId: 3 });

  it('gets nothing there until the user allows it in the popup', async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault, { origin: enrolledOn, issuer: 'https://victim.cloudmc.io/' });
    const l = login(vault);
    expect(await l.challenge(sender('https://victim.cloudmc.io'))).toEqual({ status: 'none' });
    const ui = uiHandlers(vault);
    const listed = await askUi(ui, { type: 'accounts.list' });
    expect(listed.ok && listed.value.accounts[0]!.issuerSite).toEqual({ origin: 'https://victim.cloudmc.io', allowed: false });
    expect(await askUi(ui, { type: 'accounts.allowIssuerSite', id: account.id })).toMatchObject({ ok: true, value: { account: { issuerSite: { allowed: true } } } });
    await l.user(sender('https://victim.cloudmc.io'), 'rwalker');
    expect(await l.challenge(sender('https://victim.cloudmc.io'))).toMatchObject({ status: 'fill' });
  });

  it('the same site needs no confirmation; a pending account never fills', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault, { origin: enrolledOn, issuer: 'https://login.acme.com/' });
    await storeAccount(vault, { origin: 'https://other.acme.com', issuer: 'https://other-login.acme.com/', state: 'pending' });
    const l = login(vault);
    await l.user(sender('https://login.acme.com'), 'rwalker');
    expect(await l.challenge(sender('https://login.acme.com'))).toMatchObject({ status: 'fill' });
    expect(await l.challenge(sender('https://other-login.acme.com'))).toEqual({ status: 'none' });
  });
});
