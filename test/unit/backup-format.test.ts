/**
 * One name for our backup format (issue 10 item 11): what the options page treats as an
 * encrypted backup (it asks for the passphrase: lib/import needsPassphrase) is exactly what
 * the background decrypts (lib/vault readBackup), whatever the `format` string says.
 */
import { describe, expect, it } from 'vitest';
import { needsPassphrase } from '@/lib/import';
import { BACKUP_FORMAT, createAccount, exportBackup, readBackup } from '@/lib/vault';
import { readImport } from '@/lib/background/transfer';
import { PBKDF2_MIN_ITERATIONS } from '@/lib/vault/crypto';

const PASS = 'backup passphrase';

describe('backup format name', () => {
  it('the options page asks for a passphrase for exactly the files the background decrypts', { timeout: 30_000 }, async () => {
    const a = createAccount({ params: { secret: 'WMN2B6O54ADDPUHJ', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'h.cloud.ca', user: 'u' }, origin: 'https://h.cloud.ca', state: 'active' });
    if (!a.ok) throw new Error(a.error.message);
    const written = await exportBackup([a.value], PASS, { iterations: PBKDF2_MIN_ITERATIONS });
    if (!written.ok) throw new Error(written.error.message);
    expect(JSON.parse(written.value).format).toBe(BACKUP_FORMAT);
    for (const format of [BACKUP_FORMAT, 'cloudmc-authenticator-backup', 'cmc-authenticator-backup-v2', 'CMC-AUTHENTICATOR-BACKUP']) {
      const file = JSON.stringify({ ...JSON.parse(written.value), format });
      const decrypted = (await readBackup(file, PASS)).ok;
      expect({ format, asked: needsPassphrase(file) }).toEqual({ format, asked: decrypted });
      // and the background's import takes the same road: read whole, or refused with a clear error
      const imported = await readImport([{ name: 'b.json', text: file }], PASS).then(
        (r) => r.accounts.length,
        () => 0,
      );
      expect(imported).toBe(decrypted ? 1 : 0);
    }
  });
});
