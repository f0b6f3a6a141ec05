/** "Link to a portal": binds an account added by hand with no portal, so its code can be filled in there. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi } from './api';
import { PortalField, readPortal } from './PortalField';

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
    const portal = readPortal(origin);
    // Linking needs an address: an empty field is as wrong as one that is not a web address.
    if (portal.kind !== 'origin') {
      setError(t('addBadOrigin'));
      return ref.current?.focus();
    }
    const r = await ask({ type: 'accounts.bind', id: account.id, origin: portal.origin });
    if (r.ok) onBound(r.value.account);
    else if (isLockedError(r.error)) onLocked();
    else setError(errorText(t, r.error));
  };

  return (
    <form class="pane" onSubmit={submit} noValidate aria-labelledby="bind-title" data-testid="bind-form">
      <h2 id="bind-title">{t('bindTitle')}</h2>
      <p class="muted">{[account.issuer, account.user].filter(Boolean).join(' · ')}</p>
      <PortalField
        id="bind-origin"
        testid="bind-origin"
        label={t('addOrigin')}
        hint={t('bindHint')}
        value={origin}
        inputRef={ref}
        describedBy="bind-error"
        onInput={(v) => {
          setOrigin(v);
          setError('');
        }}
      />
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
