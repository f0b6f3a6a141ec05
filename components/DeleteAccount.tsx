/** The delete confirmation for one account: what is lost (its backup codes), then the delete. */
import type { AccountView } from '@/lib/messages/protocol';
import { errorText, useApi } from './api';
import { ConfirmDialog } from './Dialog';
import { whoAt } from './format';
import { plural } from '@/lib/i18n';

export function DeleteAccount({ account, onCancel, onDeleted }: { account: AccountView; onCancel(): void; onDeleted(): void }) {
  const { ask, t } = useApi();
  return (
    <ConfirmDialog
      testid="delete-dialog"
      title={t('deleteTitle')}
      confirmLabel={t('delete')}
      danger
      onCancel={onCancel}
      onConfirm={async () => {
        const r = await ask({ type: 'accounts.delete', id: account.id });
        if (!r.ok) return errorText(t, r.error);
        onDeleted();
        return '';
      }}
    >
      <p>
        {/* No codes is another sentence, not a plural form (French counts 0 as "one"). */}
        {account.backup.total === 0
          ? t('deleteBodyNoCodes', whoAt(account))
          : plural(t, 'deleteBody', account.backup.total, [account.backup.total, whoAt(account)])}
      </p>
      <p>{t('deleteAfter')}</p>
    </ConfirmDialog>
  );
}
