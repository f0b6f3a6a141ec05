/** Numbered test accounts: account i on https://portal<i>.example.com, one backup code, a secret of four. */
import { createAccount, type Account, type NewAccount } from '@/lib/vault';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU'];

/** `params` overrides the OTP parameters (SHA1, 6 digits, 30 s, issuer portal<i>.example.com, user user<i>). */
export function portalAccount(i: number, params: Partial<NewAccount['params']> = {}, state: Account['state'] = 'active'): Account {
  const a = createAccount(
    {
      params: { secret: SECRETS[i % SECRETS.length]!, algorithm: 'SHA1', digits: 6, period: 30, issuer: `portal${i}.example.com`, user: `user${i}`, ...params },
      origin: `https://portal${i}.example.com`,
      state,
      backupCodes: [{ code: `${40_000_000 + i}`, used: false }],
    },
    1_700_000_000_000 + i,
  );
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}
