/** "Link to a portal": binds an account added by hand with no portal, so its code can be filled in there. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi } from './api';
import { hostOf, normalizeOrigin } from './format';

interface Props {
  account: AccountView;
  onBound(a: AccountView): void;
  onCancel(): void;
  onLocked(): void;
}

export function BindAccount({ account, onBound, onCancel, onLocked }: Props) {
  const { ask, t } = useApi();
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const o = normalizeOrigin(origin);
    if (!/^https?:\/\//.test(o)) {
      setError(t('addBadOrigin'));
      return ref.current?.focus();
    }
    const r = await ask({ type: 'accounts.bind', id: account.id, origin: o });
    if (r.ok) onBound(r.value.account);
    else if (isLockedError(r.error)) onLocked();
    else setError(errorText(t, r.error));
  };

  return (
    <form class="pane" onSubmit={submit} noValidate aria-labelledby="bind-title" data-testid="bind-form">
      <h2 id="bind-title">{t('bindTitle')}</h2>
      <p class="muted">{[account.issuer, account.user].filter(Boolean).join(' · ')}</p>
      <label for="bind-origin">{t('addOrigin')}</label>
      <input
        id="bind-origin"
        ref={ref}
        type="url"
        inputMode="url"
        autocomplete="url"
        data-testid="bind-origin"
        placeholder="https://portal.example.com"
        value={origin}
        aria-describedby="bind-hint bind-error"
        onInput={(e) => {
          setOrigin(e.currentTarget.value);
          setError('');
        }}
      />
      <p id="bind-hint" class="hint">
        {t('bindHint')}
      </p>
      <p id="bind-error" class="error" role="alert" data-testid="bind-error">
        {error}
      </p>
      <div class="actions">
        <button class="btn" type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button class="btn primary" type="submit" data-testid="bind-save">
          {t('bindSave')}
        </button>
      </div>
    </form>
  );
}

/** The host an account was just bound to, for the toast. */
export const boundHost = (a: AccountView): string => (a.origin ? hostOf(a.origin) : '');
