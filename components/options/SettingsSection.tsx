/** Auto-lock and the page switches (autofill, auto-submit, auto-confirm). */
import { useEffect, useState } from 'preact/hooks';
import type { AutoLock, Settings } from '@/lib/messages/protocol';
import { useApi } from '../api';
import { Section, Status, Switch, useErr } from './shared';
import { plural } from '@/lib/i18n';

const AUTO_LOCKS: AutoLock[] = [1, 5, 15, 30, 60, 'browser-restart', 'never'];

export function SettingsSections() {
  const { ask, t } = useApi();
  const err = useErr();
  const [s, setS] = useState<Settings | null>(null);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  useEffect(() => {
    void ask({ type: 'settings.get' }).then((r) =>
      r.ok ? setS(r.value.settings) : setMsg({ ok: '', error: err(r.error) }),
    );
  }, []);

  const save = async (patch: Partial<Settings>) => {
    const before = s;
    setS((x) => x && { ...x, ...patch });
    const r = await ask({ type: 'settings.set', settings: patch });
    if (r.ok) {
      setS(r.value.settings);
      setMsg({ ok: t('saved'), error: '' });
    } else {
      setS(before);
      setMsg({ ok: '', error: err(r.error) });
    }
  };

  if (!s) return <Status error={msg.error} />;
  const lockLabel = (v: AutoLock) =>
    v === 'never' ? t('lockNever') : v === 'browser-restart' ? t('lockRestart') : plural(t, 'lockMinutes', v);

  return (
    <>
      <Section id="sec-security" title={t('secSecurity')}>
        <label for="auto-lock">{t('autoLock')}</label>
        <select
          id="auto-lock"
          data-testid="auto-lock"
          value={String(s.autoLock)}
          aria-describedby="auto-lock-hint"
          onChange={(e) => {
            const v = e.currentTarget.value;
            void save({ autoLock: (/^\d+$/.test(v) ? Number(v) : v) as AutoLock });
          }}
        >
          {AUTO_LOCKS.map((v) => (
            <option key={v} value={String(v)}>
              {lockLabel(v)}
            </option>
          ))}
        </select>
        <p id="auto-lock-hint" class="hint">
          {t('autoLockHint')}
        </p>
      </Section>
      <Section id="sec-pages" title={t('secPages')}>
        <Switch
          testid="autofill"
          checked={s.autofill}
          title={t('optAutofill')}
          hint={t('optAutofillHint')}
          onChange={(v) => save({ autofill: v })}
        />
        <Switch
          testid="auto-submit"
          checked={s.autoSubmit}
          title={t('optAutoSubmit')}
          hint={t('optAutoSubmitHint')}
          onChange={(v) => save({ autoSubmit: v })}
        />
        <Switch
          testid="auto-confirm"
          checked={s.autoConfirmEnroll}
          title={t('optAutoConfirm')}
          hint={t('optAutoConfirmHint')}
          onChange={(v) => save({ autoConfirmEnroll: v })}
        />
        <Status ok={msg.ok} error={msg.error} testid="settings-status" />
      </Section>
    </>
  );
}

