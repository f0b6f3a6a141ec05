/** One account's backup codes: mark used, copy all, print, download as .txt. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, BackupCodeView } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi, type T } from './api';
import { backupText, dateStamp, displayName, siteOf } from './format';
import { Icon } from './Icon';
import { CodeHistory } from './CodeHistory';

interface Props {
  account: AccountView;
  onBack(): void;
  onLocked(): void;
  flash(message: string): void;
}

export function BackupCodes({ account: a, onBack, onLocked, flash }: Props) {
  const api = useApi();
  const { ask, t } = api;
  const [codes, setCodes] = useState<BackupCodeView[] | null>(null);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const answer = (r: { ok: true; value: { codes: BackupCodeView[] } } | { ok: false; error: { code: string; message: string } }) => {
    if (r.ok) {
      setCodes(r.value.codes);
      setError('');
    } else if (isLockedError(r.error)) onLocked();
    else setError(errorText(t, r.error));
  };

  useEffect(() => {
    heading.current?.focus();
    void ask({ type: 'backup.list', id: a.id }).then(answer);
  }, [a.id]);

  const toggle = async (c: BackupCodeView) => {
    // Optimistic: the checkbox answers at once; the background's list is the truth.
    setCodes((cs) => cs && cs.map((x) => (x.code === c.code ? { ...x, used: !c.used } : x)));
    const r = await ask({ type: 'backup.setUsed', id: a.id, code: c.code, used: !c.used });
    if (!r.ok) setCodes((cs) => cs && cs.map((x) => (x.code === c.code ? { ...x, used: c.used } : x)));
    answer(r);
  };

  const text = () => backupTextFor(t, a, codes ?? [], new Date(api.now()));
  const remaining = codes ? codes.filter((c) => !c.used).length : a.backup.remaining;
  const total = codes ? codes.length : a.backup.total;

  return (
    <section class="pane backup" aria-labelledby="bk-title">
      <div class="pane-head">
        <button class="icon-btn" type="button" onClick={onBack} aria-label={t('back')} data-testid="back">
          <Icon name="back" />
        </button>
        <div>
          <h2 id="bk-title" ref={heading} tabIndex={-1}>
            {t('backupCodes')}
          </h2>
          <p class="muted small">
            {a.user} · {displayName(a)}
          </p>
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {codes && total === 0 && <p class="muted">{t('backupNone')}</p>}
      {codes && total > 0 && (
        <>
          <p class={remaining <= 2 ? 'notice warn' : 'notice'} data-testid="backup-remaining" role="status">
            {t('backupRemaining', [remaining, total])}
            {remaining <= 2 && <> {t('backupLow')}</>}
          </p>
          <ul class="codes" aria-label={t('backupCodes')}>
            {codes.map((c) => (
              <li key={c.code} data-testid="backup-code" data-used={String(c.used)} class={c.used ? 'used' : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={c.used}
                    data-testid="backup-used"
                    aria-label={t(c.used ? 'markUnused' : 'markUsed', c.code)}
                    onChange={() => toggle(c)}
                  />
                  <span class="mono">{c.code}</span>
                </label>
              </li>
            ))}
          </ul>
          <p class="hint">{t('backupHint')}</p>
          <div class="actions">
            <button
              class="btn small"
              type="button"
              data-testid="backup-copy"
              onClick={async () => flash((await api.copy(text())) ? t('copiedAll') : t('copyFailed'))}
            >
              <Icon name="copy" size={14} />
              {t('copyAll')}
            </button>
            <button class="btn small" type="button" data-testid="backup-print" onClick={() => api.openPrint(a.id)}>
              <Icon name="print" size={14} />
              {t('print')}
            </button>
            <button
              class="btn small"
              type="button"
              data-testid="backup-download"
              onClick={() =>
                api.download(`cloudmc-backup-codes-${fileSafe(siteOf(a))}-${dateStamp(new Date(api.now()))}.txt`, text(), 'text/plain')
              }
            >
              <Icon name="download" size={14} />
              {t('downloadTxt')}
            </button>
          </div>
        </>
      )}
      <CodeHistory id={a.id} onRestored={(restored) => setCodes(restored)} />
    </section>
  );
}

const fileSafe = (s: string) => s.replace(/[^a-z0-9.-]+/gi, '_');

export function backupTextFor(t: T, a: AccountView, codes: BackupCodeView[], date: Date): string {
  return backupText(
    {
      title: t('printTitle'),
      portal: `${t('portal')}: ${a.origin}`,
      user: `${t('user')}: ${a.user}`,
      date: `${t('date')}: ${dateStamp(date)}`,
      usedMark: `(${t('used')})`,
      note: t('backupHint'),
    },
    codes,
  );
}

/** The printable page (popup.html#print=<id>): just the codes, the portal, the user and the date. */
export function PrintView({ id }: { id: string }) {
  const api = useApi();
  const { ask, t } = api;
  const [data, setData] = useState<{ a: AccountView; codes: BackupCodeView[] } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void Promise.all([ask({ type: 'accounts.list' }), ask({ type: 'backup.list', id })]).then(([l, b]) => {
      const a = l.ok ? l.value.accounts.find((x) => x.id === id) : undefined;
      if (!l.ok) setError(errorText(t, l.error));
      else if (!b.ok) setError(errorText(t, b.error));
      else if (!a) setError(t('printMissing'));
      else setData({ a, codes: b.value.codes });
    });
  }, [id]);
  useEffect(() => {
    if (data) requestAnimationFrame(() => api.print());
  }, [data]);

  if (error) return <p class="error print-page">{error}</p>;
  if (!data) return null;
  const { a, codes } = data;
  return (
    <main class="print-page" data-testid="print-page">
      <h1>{t('printTitle')}</h1>
      <dl>
        <dt>{t('portal')}</dt>
        <dd>{a.origin}</dd>
        <dt>{t('user')}</dt>
        <dd>{a.user}</dd>
        <dt>{t('date')}</dt>
        <dd>{dateStamp(new Date(api.now()))}</dd>
      </dl>
      <ol class="print-codes">
        {codes.map((c) => (
          <li key={c.code} class={c.used ? 'used' : ''}>
            {c.code}
            {c.used && <small> ({t('used')})</small>}
          </li>
        ))}
      </ol>
      <p>{t('backupHint')}</p>
      <button class="btn no-print" type="button" onClick={() => api.print()}>
        <Icon name="print" size={14} />
        {t('print')}
      </button>
    </main>
  );
}
