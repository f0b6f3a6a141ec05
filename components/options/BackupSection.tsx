/**
 * Automatic backups (opt-in): after any change to the vault an encrypted file is saved into a
 * folder of Downloads, opening with the vault passphrase. The `downloads` permission is asked
 * for when the switch is turned on. Shows the last backup and a failed save.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackupStatus } from '@/lib/messages/protocol';
import { useApi } from '../api';
import { Section, Status, Switch, useErr } from './shared';
import { plural } from '@/lib/i18n';

const KEEP = [3, 5, 10, 20, 50];

export function BackupSection() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const [s, setS] = useState<BackupStatus | null>(null);
  const [error, setError] = useState('');
  const refresh = () => ask({ type: 'backup.status' }).then((r) => (r.ok ? setS(r.value) : setError(err(r.error))));
  useEffect(() => {
    void refresh();
  }, []);

  const set = async (patch: { enabled?: boolean; keep?: number }) => {
    setError('');
    // The permission prompt needs this click's user gesture: ask before any await.
    if (patch.enabled && !(await api.requestPermission('downloads'))) return setError(t('backupPermissionDenied'));
    const r = await ask({ type: 'backup.setAuto', ...patch });
    if (r.ok) setS(r.value);
    else setError(err(r.error));
  };

  const when = (at: number) => new Date(at).toLocaleString();
  return (
    <Section id="sec-backup" title={t('secBackup')} intro={t('backupIntro')}>
      {s && (
        <>
          <p data-testid="backup-last">
            {s.last ? plural(t, 'backupLast', s.last.count, [when(s.last.at), s.last.count]) : t('backupNever')}
            {s.notBackedUp > 0 && <span class="tag">{plural(t, 'backupHealth', s.notBackedUp)}</span>}
          </p>
          <Switch testid="auto-backup" checked={s.auto} title={t('backupAuto')} hint={t('backupAutoHint', s.folder)} onChange={(v) => void set({ enabled: v })} />
          <label for="backup-keep">{t('backupKeep')}</label>
          <select id="backup-keep" data-testid="backup-keep" value={String(s.keep)} onChange={(e) => void set({ keep: Number(e.currentTarget.value) })}>
            {KEEP.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
          {s.error && (
            <p class="error" role="alert" data-testid="backup-error">
              {t('backupFailed', [when(s.error.at), s.error.message])}
            </p>
          )}
        </>
      )}
      <Status error={error} />
    </Section>
  );
}
