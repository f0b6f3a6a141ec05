/** The popup: first run, locked, or the unlocked vault. */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Reply, VaultState } from '@/lib/messages/protocol';
import { errorText, useApi, type Ask } from './api';
import { CreateVault, UnlockForm } from './VaultForms';
import { Bar, Vault, type ListAnswer } from './Vault';

export interface Boot {
  list: Promise<Reply<ListAnswer>>;
  status: Promise<Reply<{ state: VaultState }>>;
}

/**
 * Asks for the list and the status at once: when unlocked (the common case) the codes are on
 * screen after a single round trip. The entrypoint calls this before its first render, so the
 * background works while the page renders its frame.
 */
export const startPopup = (ask: Ask): Boot => ({
  list: ask({ type: 'accounts.list' }),
  status: ask({ type: 'vault.status' }),
});

/** `closeOnUnlock`: this is the unlock window a page asked for; it closes once unlocked. */
export function Popup({ boot, closeOnUnlock = false }: { boot?: Boot; closeOnUnlock?: boolean }) {
  const api = useApi();
  const { ask, t } = api;
  const [state, setState] = useState<VaultState | null>(null);
  const [initial, setInitial] = useState<ListAnswer | null>(null);
  const [error, setError] = useState('');

  // A layout effect runs right after the first render, not a frame later.
  useLayoutEffect(() => {
    let settled = false;
    const { list, status } = boot ?? startPopup(ask);
    void list.then((r) => {
      if (r.ok && !settled) {
        settled = true;
        setInitial(r.value);
        setState('unlocked');
      }
    });
    void status.then(async (r) => {
      if (r.ok && r.value.state === 'unlocked') await list;
      if (settled) return;
      settled = true;
      if (r.ok) setState(r.value.state);
      else setError(errorText(t, r.error));
    });
  }, []);

  const locked = () => {
    setInitial(null);
    setState('locked');
  };
  const unlocked = () => {
    if (closeOnUnlock) return api.close();
    setInitial(null);
    setState('unlocked');
  };

  return (
    <div class="popup">
      {state === 'unlocked' ? (
        <Vault initial={initial} onLocked={locked} />
      ) : state === null && !error ? (
        <Bar />
      ) : (
        <>
          <Bar />
          <div class="scroll">
            {state === 'absent' && <CreateVault onDone={(s) => (s === 'unlocked' ? unlocked() : setState(s))} />}
            {state === 'locked' && <UnlockForm onUnlocked={unlocked} />}
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
