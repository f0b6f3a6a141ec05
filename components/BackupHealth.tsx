/**
 * The popup's backup-health line: "N accounts are in no backup yet" with a one-click copy of
 * the vault (encrypted: it opens with the vault passphrase). Asked after the codes are on
 * screen, so it never delays them; asked again when the number of accounts changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApi } from './api';
import { useAction } from './use-action';
import { plural } from '@/lib/i18n';

export function BackupHealth({ accounts }: { accounts: number }) {
  const api = useApi();
  const { ask, t } = api;
  const [missing, setMissing] = useState(0);
  const check = () => ask({ type: 'backup.status' }).then((r) => r.ok && setMissing(r.value.notBackedUp));
  const { busy, error, run } = useAction(async () => {
    const r = await ask({ type: 'backup.snapshot' });
    if (!r.ok) return r.error.message;
    api.download(r.value.name, r.value.file, 'application/json');
    await check();
    return '';
  });
  useEffect(() => {
    void check();
  }, [accounts]);

  if (missing === 0 && !error) return null;
  return (
    <p class="notice warn" role="status" data-testid="backup-health">
      {error || plural(t, 'backupHealth', missing)}{' '}
      <button
        class="btn small"
        type="button"
        data-testid="backup-now"
        disabled={busy}
        onClick={run}
      >
        {t('backupNow')}
      </button>
    </p>
  );
}
