/**
 * Renders the unlocked popup once, off the page, while the user types the passphrase: the
 * first real render after an unlock then runs code the engine has already compiled (a cold
 * first run of the list's code was most of what an unlock cost after the KDF). Nothing of it
 * reaches the page or the background: the tree is detached, unmounted at once (its effects
 * never run), and its `ask` never answers.
 */
import { render } from 'preact';
import { FIRST_SCREEN, type AccountView } from '@/lib/messages/protocol';
import { ApiContext, type Api } from './api';
import { Vault } from './Vault';

const sample = (i: number, now: number): AccountView => ({
  id: `warm-up-${i}`,
  origin: 'https://portal.invalid',
  issuer: 'CloudMC',
  user: `user${i}@portal.invalid`,
  ...(i % 2 ? { label: `Account ${i}` } : {}),
  state: 'active',
  digits: 6,
  period: 30,
  code: '000000',
  nextCode: '000000',
  validUntil: now + 30_000,
  backup: { total: 8, remaining: 8 - (i % 3) },
});

export function warmUpVault(api: Api): void {
  const root = document.createElement('div');
  const quiet: Api = { ...api, ask: () => new Promise(() => undefined) };
  const accounts = Array.from({ length: FIRST_SCREEN }, (_, i) => sample(i, api.now()));
  render(
    <ApiContext.Provider value={quiet}>
      <Vault initial={{ accounts }} onLocked={() => undefined} />
    </ApiContext.Provider>,
    root,
  );
  render(null, root);
}
