/**
 * Manual add never dead-ends (issue 9): any valid otpauth URI is stored; with a portal address it
 * is bound, with an issuer naming a host it is bound there, with neither it is stored unbound and
 * can be bound later ('accounts.bind'). The popup's portal detection (portalOfUri) decides when
 * the optional address field is shown.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openVault, type Vault } from '@/lib/vault';
import { createUiHandlers, type UiDeps } from '@/lib/background/ui-handlers';
import { portalOfUri } from '@/components/format';
import { mapStorage } from './support/vault-storage';

const HELDOUT = 'otpauth://totp/Heldout%20Bank:alice%40example.ca?secret=JBSWY3DPEHPK3PXP&issuer=Heldout%20Bank';
const CLOUDMC = 'otpauth://totp/https://charter.dev.cloudmc.io/:rwalker@cloudops.com?secret=WMN2B6O54ADDPUHJ&issuer=https://charter.dev.cloudmc.io/';

let vault: Vault;
let handlers: ReturnType<typeof createUiHandlers>;
const call = <K extends string>(type: K, body: object) =>
  (handlers as unknown as Record<string, (m: object, s: object) => Promise<unknown>>)[type]!({ type, ...body }, {});

beforeAll(async () => {
  const r = await openVault({ dbName: 'manual-add', session: mapStorage() });
  if (!r.ok) throw new Error(r.error.message);
  vault = r.value;
  const created = await vault.session.create('correct horse battery staple');
  if (!created.ok) throw new Error(created.error.message);
  handlers = createUiHandlers({
    vault: async () => vault,
    now: () => Date.now(),
    clockOffset: () => 0,
    onActivity: async () => {},
  } as unknown as UiDeps);
}, 30_000);

describe("'accounts.add' and 'accounts.bind'", () => {
  it('stores a URI whose issuer names no portal unbound, with no error', async () => {
    const { account } = (await call('accounts.add', { input: HELDOUT })) as { account: { id: string; origin: string | null; issuer: string } };
    expect(account).toMatchObject({ origin: null, issuer: 'Heldout Bank' });
    const bound = (await call('accounts.bind', { id: account.id, origin: 'heldout.example.ca' })) as { account: { origin: string } };
    expect(bound.account.origin).toBe('https://heldout.example.ca');
    expect(await vault.accounts.get(account.id)).toMatchObject({ ok: true, value: { origin: 'https://heldout.example.ca' } });
  });

  it('binds to the address given, or to the portal the issuer names', async () => {
    const given = (await call('accounts.add', { input: HELDOUT.replace('JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU'), origin: 'https://bank.example:8443' })) as { account: { origin: string } };
    expect(given.account.origin).toBe('https://bank.example:8443');
    const derived = (await call('accounts.add', { input: CLOUDMC })) as { account: { origin: string } };
    expect(derived.account.origin).toBe('https://charter.dev.cloudmc.io');
  });

  it('refuses an address that is not a web address, saying so, and binds nothing', async () => {
    const { account } = (await call('accounts.add', { input: HELDOUT.replace('JBSWY3DPEHPK3PXP', 'MFRGGZDFMZTWQ2LK') })) as { account: { id: string } };
    await expect(call('accounts.bind', { id: account.id, origin: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'bad-origin' });
    expect(await vault.accounts.get(account.id)).toMatchObject({ ok: true, value: { origin: null } });
  });
});

describe('portalOfUri (when the add form shows the optional portal field)', () => {
  it.each([
    [HELDOUT, null],
    [CLOUDMC, 'https://charter.dev.cloudmc.io'],
    ['otpauth://totp/test.staging1.cloud.ca:fgaudreault?secret=MNMR4Z7KR6U4WC6T&issuer=test.staging1.cloud.ca', 'https://test.staging1.cloud.ca'],
    ['otpauth://totp/portal.example.com:bob?secret=MNMR4Z7KR6U4WC6T', 'https://portal.example.com'],
    ['otpauth://totp/bob?secret=MNMR4Z7KR6U4WC6T', null],
    ['JBSW Y3DP EHPK 3PXP', null],
  ])('%s -> %s', (input, expected) => {
    expect(portalOfUri(input)).toBe(expected);
  });
});
