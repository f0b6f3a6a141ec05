/**
 * Backup-code sets that regenerations replaced, newest first, under a fold (issue 10, item 3):
 * viewable, and restorable when the new set never reached the portal (a page showing numbers
 * on its own, or a regeneration the user cancelled).
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackupCodeView } from '@/lib/messages/protocol';
import { errorText, useApi } from './api';
import { dateStamp } from './format';

export function CodeHistory({ id, onRestored }: { id: string; onRestored(codes: BackupCodeView[]): void }) {
  const { ask, t } = useApi();
  const [sets, setSets] = useState<Array<{ replacedAt: number; codes: BackupCodeView[] }>>([]);
  const [error, setError] = useState('');
  const load = () => void ask({ type: 'backup.history', id }).then((r) => r.ok && setSets(r.value.sets));
  useEffect(load, [id]);
  if (sets.length === 0) return null;
  return (
    <details class="code-history" data-testid="code-history">
      <summary>{t('codeHistory', sets.length)}</summary>
      {error && <p class="error" role="alert">{error}</p>}
      <ol>
        {sets.map((s, index) => (
          <li key={s.replacedAt + ':' + index} data-testid="code-history-set">
            <p class="muted small">{t('codeHistoryReplaced', dateStamp(new Date(s.replacedAt)))}</p>
            <p class="mono small">{s.codes.map((c) => c.code).join(' ')}</p>
            <button
              class="btn small"
              type="button"
              data-testid="restore-codes"
              onClick={async () => {
                const r = await ask({ type: 'backup.restore', id, index });
                if (!r.ok) return setError(errorText(t, r.error));
                onRestored(r.value.codes);
                load();
              }}
            >
              {t('restoreCodes')}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
