import { describe, expect, it } from 'vitest';
import {
  backupText,
  dateStamp,
  displayName,
  faceAt,
  groupCode,
  hostOf,
  isBareSecret,
  normalizeOrigin,
  searchText,
} from '@/components/format';
import { needsPassphrase as isEncryptedBackup } from '@/lib/import/detect';
import type { AccountView } from '@/lib/messages/protocol';

const account = (over: Partial<AccountView> = {}): AccountView => ({
  id: 'a1',
  origin: 'https://portal.example.com',
  issuer: 'https://portal.example.com/',
  user: 'alice',
  state: 'active',
  digits: 6,
  period: 30,
  code: '123456',
  nextCode: '654321',
  validUntil: 30_000,
  backup: { total: 8, remaining: 8 },
  ...over,
});

describe('groupCode', () => {
  it('groups 6 and 8 digits in halves', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(groupCode('1234567')).toBe('123 4567');
  });
  it('leaves anything else alone', () => {
    expect(groupCode('')).toBe('');
    expect(groupCode('12ab56')).toBe('12ab56');
  });
});

describe('names', () => {
  it('shows the host with its port, or the label', () => {
    expect(hostOf('http://localhost:8484')).toBe('localhost:8484');
    expect(hostOf('not a url')).toBe('not a url');
    expect(displayName(account())).toBe('portal.example.com');
    expect(displayName(account({ label: 'Prod' }))).toBe('Prod');
  });
  it('searches host, user and label', () => {
    const text = searchText(account({ label: 'Prod', user: 'Bob@Example.com' }));
    for (const q of ['portal.example', 'bob@example', 'prod']) expect(text).toContain(q);
  });
});

describe('faceAt', () => {
  const a = account();
  it('counts whole seconds down to the expiry', () => {
    expect(faceAt(a, 0)).toEqual({ code: '123456', left: 30, stale: false });
    expect(faceAt(a, 29_001)).toEqual({ code: '123456', left: 1, stale: false });
  });
  it('shows nextCode right at rollover and marks the list stale', () => {
    expect(faceAt(a, 30_000)).toEqual({ code: '654321', left: 30, stale: true });
    expect(faceAt(a, 45_500)).toEqual({ code: '654321', left: 15, stale: true });
  });
  it('shows nothing once nextCode expired too', () => {
    expect(faceAt(a, 60_000)).toEqual({ code: '', left: 0, stale: true });
  });
});

describe('inputs', () => {
  it('tells a bare secret from an otpauth URI', () => {
    expect(isBareSecret('JBSW Y3DP EHPK 3PXP')).toBe(true);
    expect(isBareSecret('  otpauth://totp/x?secret=JBSWY3DPEHPK3PXP')).toBe(false);
    expect(isBareSecret('OTPAUTH://totp/x')).toBe(false);
    expect(isBareSecret('   ')).toBe(false);
  });
  it('normalises a portal address to its origin', () => {
    expect(normalizeOrigin('portal.example.com')).toBe('https://portal.example.com');
    expect(normalizeOrigin('http://localhost:8484/login')).toBe('http://localhost:8484');
    expect(normalizeOrigin(' https://a.cloudmc.io/ ')).toBe('https://a.cloudmc.io');
    expect(normalizeOrigin('')).toBe('');
    // Not http(s): handed on as typed, for the background to refuse with its own message.
    expect(normalizeOrigin('ftp://x.example')).toBe('ftp://x.example');
  });
  it('recognises an encrypted backup file', () => {
    expect(isEncryptedBackup(JSON.stringify({ format: 'cmc-authenticator-backup', records: [] }))).toBe(true);
    // One name (lib/vault/backup-format.ts): the background decrypts nothing else.
    expect(isEncryptedBackup(JSON.stringify({ format: 'cloudmc-authenticator-backup' }))).toBe(false);
    expect(isEncryptedBackup('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP')).toBe(false);
    expect(isEncryptedBackup('{"format":"other"}')).toBe(false);
    expect(isEncryptedBackup('null')).toBe(false);
  });
});

describe('files', () => {
  it('stamps the local date', () => {
    expect(dateStamp(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
  it('writes backup codes one a line, used ones marked', () => {
    const text = backupText(
      { title: 'T', portal: 'P', user: 'U', date: 'D', usedMark: '(used)', note: 'N' },
      [
        { code: '11111111', used: false },
        { code: '22222222', used: true },
      ],
    );
    expect(text).toBe('T\nP\nU\nD\n\n11111111\n22222222  (used)\n\nN\n');
  });
});
