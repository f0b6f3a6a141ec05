/** What an import will do: accounts to add (user, issuer, portal), duplicates and entries skipped. */
import type { ImportPreview } from '@/lib/messages/protocol';
import { useT } from '../api';
import { plural } from '@/lib/i18n';

export function ImportPreviewView(props: { preview: ImportPreview; busy: boolean; onApply(): void; onCancel(): void }) {
  const t = useT();
  const { preview } = props;
  const portal = (origin: string | null) => origin ?? t('noPortal');
  return (
    <div class="preview" data-testid="import-summary">
      {(preview.warnings ?? []).map((w, i) => (
        <p key={i} class="warning" role="alert" data-testid="import-warning">
          {w}
        </p>
      ))}
      <h3>{t('importWillAdd', preview.add.length)}</h3>
      {preview.add.length > 0 && (
        <ul>
          {preview.add.map((a, i) => (
            <li key={i} data-testid="import-add">
              <b>{a.user || a.issuer}</b> <span>{a.user ? a.issuer : ''}</span>{' '}
              <span class={a.origin ? 'muted' : 'tag'} data-testid="import-portal">
                {portal(a.origin)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview.duplicates.length > 0 && (
        <>
          <h3>{t('importDuplicates', preview.duplicates.length)}</h3>
          <ul>
            {preview.duplicates.map((a, i) => (
              <li key={i} data-testid="import-duplicate" class="muted">
                {a.user} <span>{a.issuer}</span> <span>{portal(a.origin)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(preview.skipped ?? []).length > 0 && (
        <>
          <h3>{plural(t, 'importSkipped', preview.skipped!.length)}</h3>
          <ul>
            {preview.skipped!.map((a, i) => (
              <li key={i} data-testid="import-skipped" class="muted">
                {a.user} <span>{a.issuer}</span>: {a.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="actions start">
        <button class="btn primary" type="button" data-testid="import-apply" disabled={props.busy || preview.add.length === 0} onClick={props.onApply}>
          {t('importApply', preview.add.length)}
        </button>
        <button class="btn" type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
