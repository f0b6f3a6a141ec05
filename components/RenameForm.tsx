/** Renaming an account in place of its row: the label input, Save and Cancel (Escape). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages/protocol';
import { useT } from './api';
import type { RowActions } from './Accounts';
import { displayName } from './format';

export function RenameForm(props: { a: AccountView; code: string; onDone(): void; onRename: RowActions['onRename'] }) {
  const t = useT();
  const { a } = props;
  const [value, setValue] = useState(a.label ?? '');
  const [error, setError] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const save = async (e: Event) => {
    e.preventDefault();
    const label = value.trim();
    if (label === (a.label ?? '')) return props.onDone();
    const err = await props.onRename(a, label);
    if (err) {
      setError(err);
      ref.current?.focus();
    } else props.onDone();
  };
  return (
    <form class="acct-main rename" onSubmit={save}>
      <input
        ref={ref}
        data-testid="rename-input"
        aria-label={t('renameLabel', a.user)}
        placeholder={displayName({ ...a, label: '' })}
        value={value}
        maxLength={80}
        onInput={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onDone();
          }
        }}
      />
      <span class="acct-user">{a.user}</span>
      <span class="code" data-testid="code">
        {props.code}
      </span>
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
      <span class="rename-actions">
        <button class="btn small primary" type="submit" data-testid="rename-save">
          {t('save')}
        </button>
        <button class="btn small" type="button" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </span>
    </form>
  );
}
