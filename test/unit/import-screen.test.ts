/**
 * The popup's "import the transfer QR shown on this tab" (ui-transfer.ts 'import.captureTab' and
 * 'import.pending'): a capture without an authenticator QR is refused at once; one with it is
 * kept in memory for the options page, handed over once, and previews like an image file.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUiHandlers, type UiDeps } from '@/lib/background/ui-handlers';
import { openVault, type Vault } from '@/lib/vault';
import { mapStorage } from './support/vault-storage';

vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));

let vault: Vault;
beforeEach(async () => {
  const opened = await openVault({ dbName: `import-screen-${Math.random()}`, session: mapStorage() });
  if (!opened.ok) throw new Error(opened.error.message);
  vault = opened.value;
  expect((await vault.session.create('vault passphrase')).ok).toBe(true);
});
afterEach(() => vault.close());

describe('import from the screen of the active tab', () => {
  const sender = { kind: 'extension-page', url: 'x' } as never;
  it('a captured transfer QR is kept for the options page (once) and opens it; a screen without one says so', async () => {
    const { gaMigrationUri } = await import('./support/app-exports');
    const uri = gaMigrationUri([{ secret: Uint8Array.from({ length: 10 }, (_, i) => i + 1), name: 'alice', issuer: 'GitHub' }]);
    let opened = 0;
    let screen = 'data:image/png;base64,AAAA';
    const h = createUiHandlers({
      vault: async () => vault,
      now: Date.now,
      onActivity: async () => {},
      captureTab: async () => ({ image: screen, name: 'Screen of example.com' }),
      decodeQr: async (image: string) => (image === screen && screen.endsWith('QR') ? { ok: true, value: uri } : { ok: false, error: { code: 'qr-not-found', message: 'No QR code was found in the image.' } }),
      openOptions: async () => void opened++,
    } as unknown as UiDeps);
    await expect(h['import.captureTab']!({ type: 'import.captureTab' }, sender)).rejects.toMatchObject({ message: expect.stringContaining('No QR code') });
    expect(opened).toBe(0);
    screen = 'data:image/png;base64,QR';
    await h['import.captureTab']!({ type: 'import.captureTab' }, sender);
    expect(opened).toBe(1);
    const pending = (await h['import.pending']!({ type: 'import.pending' }, sender)) as { files: Array<{ name: string; image: string }> };
    expect(pending.files).toEqual([{ name: 'Screen of example.com', image: screen }]);
    const preview = await h['import.preview']!({ type: 'import.preview', files: pending.files }, sender);
    expect(preview).toMatchObject({ add: [{ issuer: 'GitHub', user: 'alice', origin: null }] });
    expect(await h['import.pending']!({ type: 'import.pending' }, sender)).toEqual({ files: [] });
  });
});
