/**
 * Issue 10, items 1 and 3, the popup's side: replaced accounts are restorable (and deletable
 * only by the user); regenerated backup codes keep the previous set, viewable and restorable.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CODES, ORIGIN, askUi, enrollment, storeAccount, uiHandlers, unlockedVault } from './support/background';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

beforeEach(() => fakeBrowser.reset());

const NEW_CODES = ['12345678', '23456789', '34567890', '45678901', '56789012', '67890123', '78901234', '89012345'];

describe('replaced accounts', () => {
  it('restore makes a replaced account active again; other states are refused', async () => {
    const vault = await unlockedVault();
    const replaced = await storeAccount(vault, { state: 'replaced' });
    const active = await storeAccount(vault);
    const ui = uiHandlers(vault);
    expect(await askUi(ui, { type: 'accounts.restore', id: replaced.id })).toMatchObject({ ok: true, value: { account: { state: 'active', backup: { total: 8 } } } });
    expect(await askUi(ui, { type: 'accounts.restore', id: active.id })).toMatchObject({ ok: false, error: { code: 'not-replaced' } });
  });
});

describe('backup code history', () => {
  it('a regeneration keeps the old set; it can be viewed and made current again', async () => {
    const vault = await unlockedVault();
    const account = await storeAccount(vault);
    const e = enrollment(vault);
    expect(await e.backupShown({ origin: ORIGIN, tabId: 1 }, NEW_CODES, true)).toMatchObject({ status: 'stored', replaced: true });
    const ui = uiHandlers(vault);
    const history = await askUi(ui, { type: 'backup.history', id: account.id });
    expect(history.ok && history.value.sets.map((s) => s.codes.map((c) => c.code))).toEqual([CODES]);
    const restored = await askUi(ui, { type: 'backup.restore', id: account.id, index: 0 });
    expect(restored.ok && restored.value.codes.map((c) => c.code)).toEqual(CODES);
    const after = await askUi(ui, { type: 'backup.history', id: account.id });
    expect(after.ok && after.value.sets.map((s) => s.codes.map((c) => c.code))).toEqual([NEW_CODES]);
    expect(await askUi(ui, { type: 'backup.restore', id: account.id, index: 5 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
