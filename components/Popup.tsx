/** The popup: first run, locked, or the unlocked vault. */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { FIRST_SCREEN, type FirstScreenIndex, type Reply, type VaultState } from '@/lib/messages/protocol';
import { previewOf } from '@/lib/pages/first-screen-preview';
import { errorText, useApi, type Ask } from './api';
import { CreateVault, UnlockForm } from './VaultForms';
import { Bar, Vault, type ListAnswer } from './Vault';
import { whenIdle } from './idle';
import { warmUpVault } from './warm-up';

/** The popup's two questions to the background, asked together. */
export interface Asked {
  /** The first screen of accounts (`accounts.list` with `first`). */
  list: Promise<Reply<ListAnswer>>;
  status: Promise<Reply<{ state: VaultState }>>;
}

/**
 * What the popup's script hands over: the first-screen index the popup's own URL carries
 * (lib/messages/popup-url.ts; labels and the next minutes of codes), painted in the first
 * render; or, with none, the questions it asked at its start (nothing to paint before the answer).
 */
export type Boot = { index: FirstScreenIndex } | { asked: Asked };

/**
 * Asks for the first screen and the status at once: when unlocked (the common case) the codes
 * are on screen after a single round trip.
 */
export const startPopup = (ask: Ask): Asked => ({
  list: ask({ type: 'accounts.list', first: FIRST_SCREEN }),
  status: ask({ type: 'vault.status' }),
});

/** `closeOnUnlock`: this is the unlock window a page asked for; it closes once unlocked. */
export function Popup({ boot, closeOnUnlock = false }: { boot?: Boot; closeOnUnlock?: boolean }) {
  const api = useApi();
  const { ask, t } = api;
  const [state, setState] = useState<VaultState | null>(null);
  const [initial, setInitial] = useState<ListAnswer | null>(null);
  // The rows and codes the URL carries, in the very first render; the answer replaces them.
  const [preview] = useState<ListAnswer | null>(() => (boot && 'index' in boot ? previewOf(boot.index, api.now()) : null));
  const [error, setError] = useState('');

  // A layout effect runs right after the first render, not a frame later. With rows on screen
  // already, the questions wait for that paint: the worker's answer (the same codes) would only
  // compete with it for the CPU, on its thread of the same process.
  useLayoutEffect(() => {
    if (!preview) return start(boot && 'asked' in boot ? boot.asked : startPopup(ask));
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => start(startPopup(ask)), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  function start({ list, status }: Asked) {
    let settled = false;
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
  }

  // Locked: while the passphrase is typed, render the unlocked view once off the page.
  useEffect(() => (state === 'locked' && !closeOnUnlock ? whenIdle(() => warmUpVault(api)) : undefined), [state]);

  const locked = () => {
    setInitial(null);
    setState('locked');
  };
  const unlocked = (list?: ListAnswer) => {
    if (closeOnUnlock) return api.close();
    setInitial(list ?? null);
    setState('unlocked');
  };

  return (
    <div class="popup">
      {state === 'unlocked' || (state === null && preview && !error) ? (
        <Vault initial={state === 'unlocked' ? initial : preview} onLocked={locked} />
      ) : state === null && !error ? (
        <Bar />
      ) : (
        <>
          <Bar />
          <div class="scroll">
            {state === 'absent' && <CreateVault onDone={(s) => (s === 'unlocked' ? unlocked() : setState(s))} />}
            {state === 'locked' && <UnlockForm onUnlocked={unlocked} first={closeOnUnlock ? undefined : FIRST_SCREEN} />}
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
