/** First-run passphrase creation and the unlock form; shared by the popup and the options page. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FirstScreenAnswer, VaultState } from '@/lib/messages/protocol';
import { errorText, useApi } from './api';
import { MIN_PASSPHRASE } from './format';
import { Icon } from './Icon';

export function CreateVault({ onDone }: { onDone: (state: VaultState) => void }) {
  const { ask, t } = useApi();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [seen, setSeen] = useState({ pass: false, confirm: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const passRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  useEffect(() => passRef.current?.focus(), []);

  const short = pass.length < MIN_PASSPHRASE;
  const mismatch = confirm !== pass;
  const shortErr = seen.pass && short ? t('passTooShort', MIN_PASSPHRASE) : '';
  const mismatchErr = seen.confirm && mismatch ? t('passMismatch') : '';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSeen({ pass: true, confirm: true });
    if (short) return passRef.current?.focus();
    if (mismatch) return confirmRef.current?.focus();
    setBusy(true);
    setError('');
    const r = await ask({ type: 'vault.create', passphrase: pass });
    setBusy(false);
    if (r.ok) onDone(r.value.state);
    else setError(errorText(t, r.error));
  };

  const type = show ? 'text' : 'password';
  return (
    <form class="card vault-form" onSubmit={submit} noValidate>
      <div class="hero" aria-hidden="true">
        <Icon name="shield" size={28} />
      </div>
      <h2>{t('createTitle')}</h2>
      <p class="muted">{t('createWhy', MIN_PASSPHRASE)}</p>
      <p class="muted small" data-testid="first-run-where">{t('vaultWhere')}</p>
      <label for="new-pass">{t('newPassphrase')}</label>
      <input
        id="new-pass"
        ref={passRef}
        type={type}
        autocomplete="new-password"
        data-testid="new-passphrase"
        value={pass}
        aria-invalid={!!shortErr}
        aria-describedby="new-pass-msg"
        onInput={(e) => setPass(e.currentTarget.value)}
        onBlur={() => pass && setSeen((s) => ({ ...s, pass: true }))}
      />
      <p id="new-pass-msg" class={shortErr ? 'field-error' : 'hint'}>
        {shortErr || t('passMinHint', MIN_PASSPHRASE)}
      </p>
      <label for="confirm-pass">{t('confirmPassphrase')}</label>
      <input
        id="confirm-pass"
        ref={confirmRef}
        type={type}
        autocomplete="new-password"
        data-testid="confirm-passphrase"
        value={confirm}
        aria-invalid={!!mismatchErr}
        aria-describedby="confirm-pass-msg"
        onInput={(e) => setConfirm(e.currentTarget.value)}
        onBlur={() => confirm && setSeen((s) => ({ ...s, confirm: true }))}
      />
      <p id="confirm-pass-msg" class="field-error" role="alert">
        {mismatchErr}
      </p>
      <label class="check">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
        {t('showPassphrase')}
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="btn primary wide" type="submit" data-testid="create-vault" disabled={busy} aria-busy={busy}>
        {busy ? t('creating') : t('createVault')}
      </button>
    </form>
  );
}

/**
 * `first`: also ask for the first screen of accounts with the unlock (one round trip less
 * between the KDF and the codes); `onUnlocked` then gets it.
 */
export function UnlockForm({ onUnlocked, first }: { onUnlocked: (list?: FirstScreenAnswer) => void; first?: number }) {
  const { ask, t } = useApi();
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const fail = (message: string) => {
    setError(message);
    // Keep what was typed (never clear it silently); select it so retyping replaces it.
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.select();
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!pass) return fail(t('passRequired'));
    setBusy(true);
    setError('');
    const r = await ask(first ? { type: 'vault.unlock', passphrase: pass, first } : { type: 'vault.unlock', passphrase: pass });
    setBusy(false);
    if (r.ok && r.value.state === 'unlocked') onUnlocked(r.value.first);
    else fail(r.ok ? t('err_internal') : errorText(t, r.error));
  };

  return (
    <form class="card vault-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div class="hero" aria-hidden="true">
        <Icon name="lock" size={28} />
      </div>
      <h2>{t('unlockTitle')}</h2>
      <label for="unlock-pass">{t('passphrase')}</label>
      <input
        id="unlock-pass"
        ref={ref}
        type="password"
        autocomplete="current-password"
        data-testid="passphrase"
        value={pass}
        readOnly={busy}
        aria-invalid={!!error}
        aria-describedby="unlock-msg"
        onInput={(e) => setPass(e.currentTarget.value)}
      />
      <p id="unlock-msg" class="field-error" role="alert" data-testid="unlock-error">
        {error}
      </p>
      <button class="btn primary wide" type="submit" data-testid="unlock" disabled={busy}>
        {busy && <span class="spinner" aria-hidden="true" />}
        {busy ? t('unlocking') : t('unlock')}
      </button>
      <div class={busy ? 'progress on' : 'progress'} role="progressbar" aria-label={t('unlocking')} hidden={!busy} />
    </form>
  );
}
