/** Pages' vault requests: state, create, unlock, lock, passphrase; and the popup's list. */
import { MIN_PASSPHRASE } from '../messages/protocol';
import { ReplyError, type UiHandlers } from '../messages/router';
import type { Vault } from '../vault';
import { firstScreen } from './first-screen';
import { afterReply, type UiContext } from './ui-context';
import { unwrap } from './unwrap';

export function vaultHandlers({ deps, view, active }: UiContext) {
  /**
   * The popup's first screen: codes for those rows only, the rest asked for once painted.
   * `order`: the first screen's record ids, when already asked for (see vault.unlock).
   */
  async function firstScreenAnswer(v: Vault, first: number, order = deps.firstScreenIndex.order) {
    const index = { write: deps.firstScreenIndex.write, order };
    const screen = unwrap(await firstScreen(v.accounts, index, Math.max(1, Math.min(first, 100))));
    return { accounts: screen.accounts.map(view), broken: screen.broken, more: screen.more };
  }

  async function state() {
    return { state: unwrap(await (await deps.vault()).session.state()) };
  }

  return {
    'vault.status': state,
    'vault.create': async ({ passphrase }) => {
      if (passphrase.length < MIN_PASSPHRASE) {
        throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
      }
      await active(async (v) => unwrap(await v.session.create(passphrase)));
      return state();
    },
    'vault.unlock': async ({ passphrase, first }) => {
      // Which records the first screen shows needs no key: asked for while the KDF runs.
      const order = first === undefined ? undefined : deps.firstScreenIndex.order();
      order?.catch(() => undefined);
      const screen = await active(async (v) => {
        const kdfStart = performance.now();
        const unlocked = await v.session.unlock(passphrase);
        // User Timing only (a duration, no data): the KDF (with the key's import and its
        // storage.session write, a few ms) is the floor of an unlock; the bench times the rest
        // (cmc:after-kdf: the worker's part of it, to the first screen's answer).
        const kdfEnd = performance.now();
        performance.measure('cmc:kdf', { start: kdfStart, end: kdfEnd });
        unwrap(unlocked);
        // The popup wants its codes next: its first screen's records are decrypted first (their
        // ids kept across the lock), the rest of the list after the answer.
        const answer = first === undefined ? undefined : await firstScreenAnswer(v, first, () => order!);
        performance.measure('cmc:after-kdf', { start: kdfEnd });
        void v.accounts.list();
        return answer;
      });
      // Pages' requests that waited for the vault resume after the popup has its codes.
      afterReply(deps.onUnlocked);
      return { ...(await state()), ...(screen ? { first: screen } : {}) };
    },
    'vault.lock': async () => {
      unwrap(await (await deps.vault()).session.lock());
      await deps.onLocked();
      return state();
    },
    'vault.changePassphrase': async ({ current, next, reencrypt }) => {
      if (next.length < MIN_PASSPHRASE) {
        throw new ReplyError('weak-passphrase', `Use ${MIN_PASSPHRASE} characters or more.`);
      }
      await active(async (v) =>
        unwrap(await (reencrypt === true ? v.session.changePassphraseAndReencrypt(current, next) : v.session.changePassphrase(current, next))),
      );
      return {};
    },

    'accounts.list': ({ first }) =>
      active(async (v) => {
        if (first !== undefined) return firstScreenAnswer(v, first);
        const list = unwrap(await v.accounts.list());
        return { accounts: list.accounts.map(view), broken: list.broken.length };
      }),
  } satisfies Partial<UiHandlers>;
}
