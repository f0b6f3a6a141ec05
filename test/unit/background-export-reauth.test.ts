/** Issue 10, item 8: an export, plain or encrypted, needs the vault passphrase again. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASS, SECRET, askUi, storeAccount, uiHandlers, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

describe('export', () => {
  it.each([
    ['missing', undefined, 'passphrase-required'],
    ['empty', '', 'passphrase-required'],
    ['wrong', 'not the passphrase', 'wrong-passphrase'],
  ])('refuses with the vault passphrase %s', async (_what, vaultPassphrase, code) => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const ui = uiHandlers(vault);
    const plain = await askUi(ui, { type: 'export.plain', vaultPassphrase } as never);
    const encrypted = await askUi(ui, { type: 'export.encrypted', vaultPassphrase, passphrase: 'file passphrase 1' } as never);
    expect(plain).toMatchObject({ ok: false, error: { code } });
    expect(encrypted).toMatchObject({ ok: false, error: { code } });
    expect(vault.session.isUnlocked()).toBe(true);
  });

  it('exports with it', async () => {
    const vault = await unlockedVault();
    await storeAccount(vault);
    const ui = uiHandlers(vault);
    const plain = await askUi(ui, { type: 'export.plain', vaultPassphrase: PASS });
    expect(plain.ok && plain.value.text).toContain(SECRET);
    const encrypted = await askUi(ui, { type: 'export.encrypted', vaultPassphrase: PASS, passphrase: 'file passphrase 1' });
    expect(encrypted.ok).toBe(true);
  });
});
