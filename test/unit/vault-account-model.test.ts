import { describe, expect, it } from 'vitest';
import { parseOtpInput } from '@/lib/otp/uri';
import { isBackupCode, isBackupCodeSet, sameBackupCode } from '@/lib/otp/backup-codes';
import { createAccount, validateAccount, type Account } from '@/lib/vault';
import { restoreCodes, withNewCodes } from '@/lib/vault/code-history';

const URI = 'otpauth://totp/Heldout%20Bank:alice%40example.ca?secret=JBSWY3DPEHPK3PXP&issuer=Heldout%20Bank';
const params = (() => {
  const p = parseOtpInput(URI);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
})();
const set = (prefix: string) => Array.from({ length: 8 }, (_, i) => ({ code: `${prefix}${i}00-0000`, used: i === 0 }));

function account(origin: string | null): Account {
  const a = createAccount({ params, origin, state: 'active', backupCodes: set('1') }, 1_700_000_000_000);
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

describe('unbound accounts (no portal yet)', () => {
  it('are created and read back with origin null', () => {
    const a = account(null);
    expect(a.origin).toBeNull();
    expect(validateAccount(JSON.parse(JSON.stringify(a)))).toEqual({ ok: true, value: a });
  });
  it('an origin that is not http(s) is still refused', () => {
    expect(createAccount({ params, origin: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid-account' } });
    expect(validateAccount({ ...account(null), origin: '' })).toMatchObject({ ok: false });
    expect(validateAccount({ ...account(null), origin: 'https://a.example/path' })).toMatchObject({ ok: false });
  });
});

describe('replaced accounts and code history', () => {
  it("'replaced' is a state a record may hold; an unknown one is not", () => {
    expect(validateAccount({ ...account('https://a.example'), state: 'replaced' })).toMatchObject({ ok: true, value: { state: 'replaced' } });
    expect(validateAccount({ ...account('https://a.example'), state: 'deleted' })).toMatchObject({ ok: false });
  });
  it('records written before the history existed read with an empty history', () => {
    const { backupCodeHistory: _, ...old } = account('https://a.example');
    expect(validateAccount(old)).toMatchObject({ ok: true, value: { backupCodeHistory: [] } });
  });
  it('a regeneration keeps the previous set, newest first, and restoring swaps them back', () => {
    const a = account('https://a.example');
    const b = withNewCodes(a, set('2'), 5);
    expect(b.backupCodes).toEqual(set('2'));
    expect(b.backupCodeHistory).toEqual([{ codes: set('1'), replacedAt: 5 }]);
    const c = restoreCodes(b, 0, 9);
    expect(c?.backupCodes).toEqual(set('1'));
    expect(c?.backupCodeHistory).toEqual([{ codes: set('2'), replacedAt: 9 }]);
    expect(restoreCodes(b, 3, 9)).toBeNull();
    expect(validateAccount(c)).toMatchObject({ ok: true });
  });
  it('history is bounded, dropping the oldest sets', () => {
    let a = account('https://a.example');
    for (let i = 0; i < 15; i++) a = withNewCodes(a, set(String(i % 10)), i);
    expect(a.backupCodeHistory).toHaveLength(10);
    expect(a.backupCodeHistory[0]?.replacedAt).toBe(14);
    expect(validateAccount(a)).toMatchObject({ ok: true });
  });
});

describe('backup codes as shown', () => {
  it('are compared without separators or case', () => {
    expect(sameBackupCode('1234-5678', '12345678')).toBe(true);
    expect(sameBackupCode('ABCD EFG1', 'abcd-efg1')).toBe(true);
    expect(sameBackupCode('1234-5678', '1234-5679')).toBe(false);
  });
  it('recognise the forms portals use and refuse words and fragments', () => {
    for (const c of ['12345678', '1234-5678', '1234 5678', 'a1b2-c3d4-e5f6', '1234\u20135678']) expect(isBackupCode(c), c).toBe(true);
    for (const c of ['Download', '123', '1234--5678', ' 12345678', '12345678 ', 'abc-def-ghi', '1234_5678']) expect(isBackupCode(c), c).toBe(false);
  });
  it('a set is 4 to 20 distinct codes', () => {
    const eight = set('3').map((c) => c.code);
    expect(isBackupCodeSet(eight)).toBe(true);
    expect(isBackupCodeSet(eight.slice(0, 3))).toBe(false);
    expect(isBackupCodeSet([...eight.slice(0, 7), eight[0]!.replace('-', '')])).toBe(false);
  });
});
