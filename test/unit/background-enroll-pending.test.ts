/**
 * Issue 10, item 1: a page's word never deletes, and a pending enrollment is confirmed only by
 * backup codes shown in the document where the user clicked our button, within 10 minutes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PENDING_LIFETIME_MS } from '@/lib/background/enroll';
import type { Vault } from '@/lib/vault';
import { CODES, ORIGIN, enrollment, storeAccount, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

const QR = 'data:image/png;base64,';
let clock = 1_800_000_000_000;
const now = () => clock;
const page = (documentId: string) => ({ origin: ORIGIN, tabId: 3, documentId });

beforeEach(() => fakeBrowser.reset());

async function states(vault: Vault) {
  const list = await vault.accounts.list();
  if (!list.ok) throw new Error(list.error.message);
  return list.value.accounts.map((a) => [a.secret === 'WMN2B6O54ADDPUHJ' ? 'old' : 'new', a.state, a.backupCodes.length]);
}

describe('a pending enrollment', () => {
  it('codes shown by another document of the tab confirm nothing and replace nothing', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault, { secret: 'WMN2B6O54ADDPUHJ' });
    const e = enrollment(vault, { now, decodeQr: async () => ({ ok: true, value: `otpauth://totp/${ORIGIN}/:rwalker@cloudops.com?secret=JBSWY3DPEHPK3PXP&issuer=${ORIGIN}/` }) });
    expect(await e.begin(page('A'), QR, null)).toMatchObject({ status: 'fill' });
    expect(await e.backupShown(page('B'), CODES, true)).toMatchObject({ status: 'ignored' });
    expect(await states(vault)).toEqual([['old', 'active', 8], ['new', 'pending', 0]]);
    // The document that clicked confirms; the older account is kept as replaced, codes and all.
    expect(await e.backupShown(page('A'), CODES, true)).toEqual({ status: 'stored', count: 8, replaced: true });
    expect(await states(vault)).toEqual([['old', 'replaced', 8], ['new', 'active', 8]]);
  });

  it('expires after 10 minutes', async () => {
    const vault = await unlockedVault();
    const e = enrollment(vault, { now });
    expect(await e.begin(page('A'), QR, null)).toMatchObject({ status: 'fill' });
    clock += PENDING_LIFETIME_MS;
    expect(await e.backupShown(page('A'), CODES, true)).toMatchObject({ status: 'ignored' });
    expect(await states(vault)).toEqual([['old', 'pending', 0]]);
    await expect(e.retry(page('A'))).rejects.toMatchObject({ code: 'no-enrollment' });
  });

  it('is confirmed just before the limit', async () => {
    const vault = await unlockedVault();
    const e = enrollment(vault, { now });
    await e.begin(page('A'), QR, null);
    clock += PENDING_LIFETIME_MS - 1;
    expect(await e.backupShown(page('A'), CODES, false)).toMatchObject({ status: 'stored' });
  });
});
