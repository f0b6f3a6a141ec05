/**
 * The background's handlers over a real vault (fake-indexeddb) and WXT's fake browser. Test
 * files add: vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccount, fromStorageArea, openVault, type Account, type Vault } from '@/lib/vault';
import { createLogin, type LoginDeps } from '@/lib/background/login';
import { createEnrollment, type EnrollDeps } from '@/lib/background/enroll';
import type { Reply, Settings, UiProtocol } from '@/lib/messages/protocol';
import { createUiHandlers, type UiDeps } from '@/lib/background/ui-handlers';
import { ReplyError, type UiHandlers } from '@/lib/messages/router';

export const PASS = 'correct horse battery staple';
export const ORIGIN = 'https://charter.dev.cloudmc.io';
export const SECRET = 'WMN2B6O54ADDPUHJ';
export const URI = `otpauth://totp/${ORIGIN}/:rwalker@cloudops.com?secret=${SECRET}&issuer=${ORIGIN}/`;
export const CODES = ['11111111', '22222222', '33333333', '44444444', '55555555', '66666666', '77777777', '88888888'];
export const SETTINGS: Settings = { autoLock: 15, autofill: true, autoSubmit: true, autoConfirmEnroll: true };

export async function unlockedVault(): Promise<Vault> {
  const r = await openVault({ dbName: `bg-${Math.random()}`, session: fromStorageArea(fakeBrowser.storage.session) });
  if (!r.ok) throw new Error(r.error.message);
  const created = await r.value.session.create(PASS);
  if (!created.ok) throw new Error(created.error.message);
  return r.value;
}

export async function storeAccount(vault: Vault, over: Partial<Account> = {}): Promise<Account> {
  const a = createAccount({
    params: { secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, issuer: `${ORIGIN}/`, user: 'rwalker@cloudops.com' },
    origin: ORIGIN,
    state: 'active',
    backupCodes: CODES.map((code) => ({ code, used: false })),
  });
  if (!a.ok) throw new Error(a.error.message);
  const put = await vault.accounts.put({ ...a.value, ...over });
  if (!put.ok) throw new Error(put.error.message);
  return put.value;
}

export function login(vault: Vault, over: Partial<LoginDeps> = {}) {
  return createLogin({
    vault: async () => vault,
    now: Date.now,
    settings: async () => SETTINGS,
    offsetFor: () => 0,
    measuredRecently: () => true,
    measureOffset: async () => null,
    openUnlock: async () => {},
    openBackupConfirm: async () => {},
    sendToTab: async () => {},
    ...over,
  });
}

export function enrollment(vault: Vault, over: Partial<EnrollDeps> = {}) {
  return createEnrollment({
    vault: async () => vault,
    now: Date.now,
    settings: async () => SETTINGS,
    decodeQr: async () => ({ ok: true, value: URI }),
    offsetFor: () => 0,
    measureOffset: async () => null,
    openUnlock: async () => {},
    sendToTab: async () => {},
    lastUsed: async () => undefined,
    ...over,
  });
}

/** Everything in storage.session except the vault's own key, as text. */
export async function sessionText(): Promise<string> {
  const all = await fakeBrowser.storage.session.get(null);
  return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => !k.endsWith('dataKey'))));
}

/** The popup/options handlers over `vault`, with inert sites, settings and clock. */
export function uiHandlers(vault: Vault, over: Partial<UiDeps> = {}) {
  return createUiHandlers({
    vault: async () => vault,
    now: Date.now,
    clockOffset: () => 0,
    measuredOffsets: async () => ({}),
    settings: { load: async () => SETTINGS, save: async () => SETTINGS },
    sites: { granted: async () => [], remove: async () => [], scan: async () => ({ status: 'unsupported' }), enable: async () => false },
    firstScreenIndex: { order: async () => undefined, write: async () => undefined },
    onActivity: async () => {},
    onLocked: async () => {},
    onUnlocked: async () => {},
    fillActiveTab: async () => false,
    ...over,
  });
}

/** Calls one UI handler as the router would, answering with a Reply. */
export async function askUi<K extends keyof UiProtocol>(
  handlers: UiHandlers,
  message: { type: K } & UiProtocol[K]['req'],
): Promise<Reply<UiProtocol[K]['res']>> {
  try {
    return { ok: true, value: await (handlers[message.type] as (m: unknown, s: unknown) => Promise<UiProtocol[K]['res']>)(message, { kind: 'extension-page', url: 'chrome-extension://x/options.html' }) };
  } catch (e) {
    if (e instanceof ReplyError) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
}
