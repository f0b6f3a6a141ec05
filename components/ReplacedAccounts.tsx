/**
 * Accounts a later enrollment replaced, under a fold below the list: kept because a page's
 * word never deletes anything (issue 10, item 1). The user restores one (it becomes active
 * again) or deletes it; nothing here goes away by itself.
 */
import type { AccountView } from '@/lib/messages/protocol';
import { useApi } from './api';

interface Props {
  accounts: AccountView[];
  onRestore(a: AccountView): void;
  onDelete(a: AccountView): void;
  whoAt(a: AccountView): string;
}

export function ReplacedAccounts({ accounts, onRestore, onDelete, whoAt }: Props) {
  const { t } = useApi();
  if (accounts.length === 0) return null;
  return (
    <details class="replaced" data-testid="replaced-accounts">
      <summary>{t('replacedFold', accounts.length)}</summary>
      <p class="hint">{t('replacedHint')}</p>
      <ul>
        {accounts.map((a) => (
          <li key={a.id} data-testid="replaced-account" data-id={a.id}>
            <span>{whoAt(a)}</span>
            <span class="muted small"> · {t('backupRemaining', [a.backup.remaining, a.backup.total])}</span>
            <div class="actions">
              <button class="btn small" type="button" data-testid="restore-account" onClick={() => onRestore(a)}>
                {t('restore')}
              </button>
              <button class="btn small danger" type="button" data-testid="delete-replaced" onClick={() => onDelete(a)}>
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
