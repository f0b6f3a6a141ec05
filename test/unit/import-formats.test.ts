/**
 * lib/import: each app format read from files written by an independent writer built from the
 * format's published description (support/app-exports.ts), with errors that name the entry.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError, needsPassphrase, readAppExport, readQrText } from '@/lib/import';
import { aegisVault, base32, gaMigrationUri, twoFasBackup } from './support/app-exports';

const S1 = Uint8Array.from({ length: 10 }, (_, i) => i + 1);
const S2 = Uint8Array.from({ length: 20 }, (_, i) => 200 - i);
const S3 = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) % 256);

async function refused(p: Promise<unknown> | (() => unknown)): Promise<ImportError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('Google Authenticator transfer (otpauth-migration)', () => {
  it('reads every account: secret bytes as base32, "Issuer:user" names, algorithm and digits', () => {
    const uri = gaMigrationUri([
      { secret: S1, name: 'charter.dev.cloudmc.io:rwalker@cloudops.com', issuer: 'charter.dev.cloudmc.io' },
      { secret: S2, name: 'alice@example.com', issuer: 'GitHub', algorithm: 2, digits: 2 },
      { secret: S3, name: 'bob', algorithm: 3 },
    ]);
    const { batch, parts } = readQrText(uri, 'transfer.png');
    expect(batch.entries).toEqual([
      { secret: base32(S1), issuer: 'charter.dev.cloudmc.io', user: 'rwalker@cloudops.com', algorithm: 'SHA1', digits: 6, period: 30 },
      { secret: base32(S2), issuer: 'GitHub', user: 'alice@example.com', algorithm: 'SHA256', digits: 8, period: 30 },
      { secret: base32(S3), issuer: '', user: 'bob', algorithm: 'SHA512', digits: 6, period: 30 },
    ]);
    expect(parts).toEqual([{ id: 12345, index: 0, size: 1 }]);
  });

  it('skips HOTP and MD5 entries with a reason, and names a bad entry', async () => {
    const { batch } = readQrText(
      gaMigrationUri([
        { secret: S1, name: 'h', issuer: 'Counter', type: 1 },
        { secret: S2, name: 'm', issuer: 'Old', algorithm: 4 },
        { secret: S3, name: 't', issuer: 'Ok' },
      ]),
      'x.png',
    );
    expect(batch.entries.map((e) => e.issuer)).toEqual(['Ok']);
    expect(batch.skipped.map((s) => s.issuer)).toEqual(['Counter', 'Old']);
    const short = await refused(() => readQrText(gaMigrationUri([{ secret: S1, name: 'a' }, { secret: Uint8Array.of(1, 2, 3), name: 'tiny', issuer: 'Shop' }]), 'shot.png'));
    expect(short.message).toContain('shot.png, account 2 (Shop: tiny)');
    expect(short.message).toContain('too short');
  });

  it('a damaged payload, or a QR that is no authenticator code, is refused by name', async () => {
    expect((await refused(() => readQrText('otpauth-migration://offline?data=%2F%2F%2F%2F', 'a.png'))).message).toMatch(/^a\.png: .*damaged/);
    expect((await refused(() => readQrText('otpauth-migration://offline', 'b.png'))).message).toMatch(/^b\.png: .*no data/);
    expect((await refused(() => readQrText('https://example.com/', 'c.png'))).message).toMatch(/^c\.png: /);
  });

  it('a transfer split across QR codes warns about a missing part; URIs in a text file work too', async () => {
    const one = gaMigrationUri([{ secret: S1, name: 'a', issuer: 'A' }], { size: 3, index: 0, id: 7 });
    const three = gaMigrationUri([{ secret: S2, name: 'c', issuer: 'C' }], { size: 3, index: 2, id: 7 });
    const { readImport } = await import('@/lib/background/transfer');
    const read = await readImport([{ name: 'list.txt', text: `${one}\n# comment\n${three}\n` }], undefined);
    expect(read.accounts.map((a) => a.issuer)).toEqual(['A', 'C']);
    expect(read.warnings).toEqual([expect.stringContaining('code 2 of 3 is missing')]);
  });
});

describe('Aegis', () => {
  const entries = [
    { name: 'rwalker@cloudops.com', issuer: 'https://charter.dev.cloudmc.io/', info: { secret: base32(S1) } },
    { name: 'alice', issuer: 'GitHub', info: { secret: base32(S2), algo: 'SHA256', digits: 8, period: 60 } },
  ];
  const expected = [
    { secret: base32(S1), issuer: 'https://charter.dev.cloudmc.io/', user: 'rwalker@cloudops.com', algorithm: 'SHA1', digits: 6, period: 30 },
    { secret: base32(S2), issuer: 'GitHub', user: 'alice', algorithm: 'SHA256', digits: 8, period: 60 },
  ];

  it('plain vault: read, no passphrase asked', async () => {
    const file = aegisVault([...entries, { type: 'hotp', name: 'x', issuer: 'Counter', info: { secret: base32(S3) } }]);
    expect(detectFormat(file)).toMatchObject({ format: 'aegis', encrypted: false });
    const { batch } = await readAppExport(file, undefined, 'aegis.json');
    expect(batch.entries).toEqual(expected);
    expect(batch.skipped).toEqual([{ issuer: 'Counter', user: 'x', reason: 'hotp codes are not supported' }]);
  });

  it('encrypted vault (scrypt password slot, as Aegis writes it: n=2^15, r=8, p=1)', { timeout: 60_000 }, async () => {
    const file = aegisVault(entries, 'aegis pass', { n: 1 << 15, r: 8, p: 1 });
    expect(needsPassphrase(file)).toBe(true);
    expect((await readAppExport(file, 'aegis pass', 'aegis.json')).batch.entries).toEqual(expected);
    expect((await refused(readAppExport(file, 'wrong', 'aegis.json'))).code).toBe('wrong-passphrase');
    expect((await refused(readAppExport(file, undefined, 'aegis.json'))).code).toBe('passphrase-required');
  });

  it('refuses hostile scrypt parameters before deriving, and names a bad entry', async () => {
    const file = JSON.parse(aegisVault(entries, 'p', { n: 1 << 10, r: 8, p: 1 }));
    file.header.slots[0].n = 1 << 24;
    expect((await refused(readAppExport(JSON.stringify(file), 'p', 'a.json'))).code).toBe('unsupported-import');
    const bad = aegisVault([entries[0]!, { name: 'bob', issuer: 'Shop', info: { secret: 'NOT-BASE32-0' } }]);
    const e = await refused(readAppExport(bad, undefined, 'aegis.json'));
    expect(e.message).toMatch(/^aegis\.json: Aegis entry 2 \(Shop: bob\): The secret is not valid base32/);
  });
});

describe('2FAS', () => {
  const services = [
    { name: 'CloudMC', secret: base32(S1), otp: { account: 'rwalker@cloudops.com', issuer: 'charter.dev.cloudmc.io' } },
    { name: 'GitLab', secret: base32(S2), otp: { label: 'GitLab:carol', account: 'carol', digits: 7, algorithm: 'SHA512' } },
    { name: 'Steam', secret: base32(S3), otp: { account: 'gamer', tokenType: 'STEAM' } },
  ];
  const expected = [
    { secret: base32(S1), issuer: 'charter.dev.cloudmc.io', user: 'rwalker@cloudops.com', algorithm: 'SHA1', digits: 6, period: 30 },
    { secret: base32(S2), issuer: 'GitLab', user: 'carol', algorithm: 'SHA512', digits: 7, period: 30 },
  ];

  it('plain backup', async () => {
    const file = twoFasBackup(services);
    expect(detectFormat(file)).toMatchObject({ format: '2fas', encrypted: false });
    const { batch } = await readAppExport(file, undefined, 'b.2fas');
    expect(batch.entries).toEqual(expected);
    expect(batch.skipped).toEqual([{ issuer: 'Steam', user: 'gamer', reason: 'STEAM codes are not supported' }]);
  });

  it('encrypted backup (PBKDF2-SHA256 + AES-GCM), wrong password refused', async () => {
    const file = twoFasBackup(services, 'twofas pass');
    expect(needsPassphrase(file)).toBe(true);
    expect((await readAppExport(file, 'twofas pass', 'b.2fas')).batch.entries).toEqual(expected);
    expect((await refused(readAppExport(file, 'nope', 'b.2fas'))).code).toBe('wrong-passphrase');
    const cut = JSON.parse(file);
    cut.servicesEncrypted = cut.servicesEncrypted.split(':').slice(0, 2).join(':');
    expect((await refused(readAppExport(JSON.stringify(cut), 'twofas pass', 'b.2fas'))).message).toContain('damaged');
  });
});

describe('Authenticator extension and Bitwarden', () => {
  it('Authenticator extension backup: totp entries, numeric algorithm, others skipped, encrypted refused', async () => {
    const file = JSON.stringify({
      h1: { account: 'alice', issuer: 'GitHub', secret: base32(S1), type: 'totp', encrypted: false, index: 0, hash: 'h1' },
      h2: { account: 'bob', issuer: 'Shop', secret: base32(S2), type: 'totp', encrypted: false, index: 1, hash: 'h2', algorithm: 2, digits: 8, period: 60 },
      h3: { account: 'c', issuer: 'Bank', secret: base32(S3), type: 'hotp', encrypted: false, index: 2, hash: 'h3', counter: 4 },
    });
    expect(detectFormat(file).format).toBe('authenticator-ext');
    const { batch } = await readAppExport(file, undefined, 'authenticator.json');
    expect(batch.entries).toEqual([
      { secret: base32(S1), issuer: 'GitHub', user: 'alice', algorithm: 'SHA1', digits: 6, period: 30 },
      { secret: base32(S2), issuer: 'Shop', user: 'bob', algorithm: 'SHA256', digits: 8, period: 60 },
    ]);
    expect(batch.skipped.map((s) => s.issuer)).toEqual(['Bank']);
    const enc = JSON.stringify({ h1: { account: 'a', issuer: 'X', secret: 'U2FsdGVk', type: 'totp', encrypted: true, hash: 'h1' } });
    expect((await refused(readAppExport(enc, undefined, 'a.json'))).code).toBe('unsupported-import');
  });

  it('Bitwarden JSON: totp as otpauth URI or bare secret; items without totp ignored; encrypted export refused', async () => {
    const file = JSON.stringify({
      encrypted: false,
      folders: [],
      items: [
        { type: 1, name: 'Portal', login: { username: 'rwalker', totp: `otpauth://totp/https://charter.dev.cloudmc.io/:rwalker?secret=${base32(S1)}&issuer=https://charter.dev.cloudmc.io/` } },
        { type: 1, name: 'Mail', login: { username: 'dan@example.com', totp: base32(S2).toLowerCase() } },
        { type: 1, name: 'No 2FA', login: { username: 'x', totp: null } },
        { type: 2, name: 'A note' },
      ],
    });
    expect(detectFormat(file).format).toBe('bitwarden');
    const { batch } = await readAppExport(file, undefined, 'bitwarden.json');
    expect(batch.entries).toEqual([
      { secret: base32(S1), issuer: 'https://charter.dev.cloudmc.io/', user: 'rwalker', algorithm: 'SHA1', digits: 6, period: 30 },
      { secret: base32(S2), issuer: 'Mail', user: 'dan@example.com', algorithm: 'SHA1', digits: 6, period: 30 },
    ]);
    expect((await refused(readAppExport(JSON.stringify({ encrypted: true, items: [] }), undefined, 'bw.json'))).code).toBe('unsupported-import');
  });

  it('unknown JSON is refused naming what we read', async () => {
    const e = await refused(readAppExport('{"hello":1}', undefined, 'odd.json'));
    expect(e.message).toMatch(/^odd\.json is JSON of a kind we do not know/);
  });
});
