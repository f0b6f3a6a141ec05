import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseOtpInput } from '@/lib/otp/uri';
import { BACKUP_FORMAT, createAccount, exportBackup, readBackup, type Account } from '@/lib/vault';

const PASS = 'backup passphrase';

function account(uri: string, label?: string): Account {
  const params = parseOtpInput(uri);
  if (!params.ok) throw new Error(params.error.message);
  const a = createAccount({ params: params.value, origin: 'https://charter.dev.cloudmc.io', state: 'active', label, backupCodes: [{ code: '12345678', used: true }] });
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

const accounts = [
  account('otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https://charter.dev.cloudmc.io/'),
  account('otpauth://totp/test.staging1.cloud.ca:fgaudreault?secret=MNMR4Z7KR6U4WC6T&issuer=test.staging1.cloud.ca', 'Café ☕'),
];
const exported = await exportBackup(accounts, PASS);
if (!exported.ok) throw new Error(exported.error.message);
const file = exported.value;

describe('encrypted backup files', () => {
  it('round-trip', async () => {
    expect(JSON.parse(file).format).toBe(BACKUP_FORMAT);
    expect(file).not.toContain('WMN2B6O54ADDPUHJ');
    expect(await readBackup(file, PASS)).toEqual({ ok: true, value: { accounts, broken: [] } });
  });

  it('wrong passphrase, damaged header, not a backup, weak parameters', async () => {
    expect(await readBackup(file, 'nope')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const doc = JSON.parse(file);
    const damaged = JSON.stringify({ ...doc, header: { ...doc.header, kdf: { ...doc.header.kdf, iterations: 600_001 } } });
    expect(await readBackup(damaged, PASS)).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    for (const junk of ['', 'null', '{}', '[]', '{"format":"cmc-authenticator-backup"}', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP']) {
      expect(await readBackup(junk, PASS)).toMatchObject({ ok: false, error: { code: 'invalid-backup' } });
    }
    expect(await exportBackup(accounts, PASS, { iterations: 1000 })).toMatchObject({ ok: false, error: { code: 'weak-kdf' } });
    expect(await exportBackup(accounts, '')).toMatchObject({ ok: false, error: { code: 'empty-passphrase' } });
  });

  it('a damaged record is reported, the others are read', async () => {
    const doc = JSON.parse(file);
    doc.records[0].ct = doc.records[0].ct.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    const r = await readBackup(JSON.stringify(doc), PASS);
    expect(r.ok && r.value.accounts).toEqual([accounts[1]]);
    expect(r.ok && r.value.broken).toEqual([{ id: accounts[0]!.id, error: expect.objectContaining({ code: 'record-corrupt' }) }]);
  });

  it('decrypts by following FORMAT.md alone, with nothing but WebCrypto', async () => {
    const subtle = crypto.subtle;
    const enc = new TextEncoder();
    const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const doc = JSON.parse(file);
    const { kdf, wrappedKey } = doc.header;
    const base = await subtle.importKey('raw', enc.encode(PASS.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    const kekBytes = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: b64(kdf.salt), iterations: kdf.iterations }, base, 256);
    const kek = await subtle.importKey('raw', kekBytes, 'AES-GCM', false, ['decrypt']);
    const aadHeader = enc.encode(`{"v":1,"kdf":{"name":"PBKDF2-SHA256","iterations":${kdf.iterations},"salt":"${kdf.salt}"}}`);
    const dataKey = await subtle.decrypt({ name: 'AES-GCM', iv: b64(wrappedKey.iv), additionalData: aadHeader }, kek, b64(wrappedKey.ct));
    expect(dataKey.byteLength).toBe(32);
    const key = await subtle.importKey('raw', dataKey, 'AES-GCM', false, ['decrypt']);
    const plain = await Promise.all(
      doc.records.map(async (r: { id: string; iv: string; ct: string }) =>
        JSON.parse(
          new TextDecoder().decode(
            await subtle.decrypt({ name: 'AES-GCM', iv: b64(r.iv), additionalData: enc.encode(`cmc-vault:1:record:${r.id}`) }, key, b64(r.ct)),
          ),
        ),
      ),
    );
    expect(plain).toEqual(accounts);

    const check = new Uint8Array(
      await subtle.digest('SHA-256', enc.encode(JSON.stringify({ v: 1, kdf, wrappedKey: { iv: wrappedKey.iv, ct: wrappedKey.ct } }))),
    );
    expect(btoa(String.fromCharCode(...check))).toBe(doc.header.check);
  });
});
