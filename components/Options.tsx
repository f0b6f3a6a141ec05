/** The options page: settings, sites, passphrase, export and import. */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { AutoLock, ImportPreview, Settings, VaultState } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi, useT } from './api';
import { ConfirmDialog } from './Dialog';
import { ExportReauth } from './ExportReauth';
import { dateStamp, MIN_PASSPHRASE } from './format';
import { Icon } from './Icon';
import { CreateVault, UnlockForm } from './VaultForms';

type Err = { code: string; message: string };
/** Sections report a locked vault here (auto-lock while the page is open). */
const LockedCtx = createContext<() => void>(() => {});

function useErr() {
  const t = useT();
  const locked = useContext(LockedCtx);
  return (e: Err) => {
    if (isLockedError(e)) locked();
    return errorText(t, e);
  };
}

export function Options() {
  const { ask, t } = useApi();
  const [state, setState] = useState<VaultState | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void ask({ type: 'vault.status' }).then((r) => (r.ok ? setState(r.value.state) : setError(errorText(t, r.error))));
  }, []);

  return (
    <main class="options">
      <header class="opt-head">
        <Icon name="shield" size={26} />
        <h1>{t('optionsTitle')}</h1>
        {state === 'unlocked' && (
          <button
            class="btn"
            type="button"
            data-testid="lock"
            onClick={async () => {
              await ask({ type: 'vault.lock' });
              setState('locked');
            }}
          >
            <Icon name="lock" size={16} />
            {t('lock')}
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {state === 'absent' && (
        <div class="narrow">
          <CreateVault onDone={setState} />
        </div>
      )}
      {state === 'locked' && (
        <div class="narrow">
          <UnlockForm onUnlocked={() => setState('unlocked')} />
        </div>
      )}
      {state === 'unlocked' && (
        <LockedCtx.Provider value={() => setState('locked')}>
          <SettingsSections />
          <SitesSection />
          <ClockSection />
          <PassphraseSection />
          <ExportSection />
          <ImportSection />
        </LockedCtx.Provider>
      )}
    </main>
  );
}

function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.intro && <p class="muted small">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A status line under a form: success or error, announced. */
function Status({ ok, error, testid }: { ok?: string; error?: string; testid?: string }) {
  return (
    <p class={error ? 'error' : 'success'} role={error ? 'alert' : 'status'} data-testid={testid}>
      {error || ok}
    </p>
  );
}

const AUTO_LOCKS: AutoLock[] = [1, 5, 15, 30, 60, 'browser-restart', 'never'];

function SettingsSections() {
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
    v === 'never' ? t('lockNever') : v === 'browser-restart' ? t('lockRestart') : t(v === 1 ? 'lockMinute' : 'lockMinutes', v);

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

function Switch(props: { testid: string; checked: boolean; title: string; hint: string; onChange(v: boolean): void }) {
  const id = 'sw-' + props.testid;
  return (
    <div class="switch-row">
      <input
        id={id}
        class="switch"
        type="checkbox"
        role="switch"
        data-testid={props.testid}
        checked={props.checked}
        aria-describedby={id + '-hint'}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>
        <b>{props.title}</b>
        <small id={id + '-hint'}>{props.hint}</small>
      </label>
    </div>
  );
}

function SitesSection() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const [sites, setSites] = useState<{ builtIn: string[]; granted: string[] } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void ask({ type: 'sites.list' }).then((r) => (r.ok ? setSites(r.value) : setError(err(r.error))));
  }, []);

  const remove = async (pattern: string) => {
    const r = await api.removeSite(pattern);
    if (r.ok) setSites((s) => s && { ...s, granted: r.value.granted });
    else setError(err(r.error));
  };

  return (
    <Section id="sec-sites" title={t('secSites')} intro={t('sitesIntro')}>
      {sites && (
        <ul class="sites" data-testid="sites">
          {sites.builtIn.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <span class="tag">{t('builtIn')}</span>
            </li>
          ))}
          {sites.granted.map((p) => (
            <li key={p} data-testid="granted-site">
              <code>{p}</code>
              <button class="btn small" type="button" aria-label={t('removeSite', p)} onClick={() => remove(p)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sites && sites.granted.length === 0 && <p class="hint">{t('sitesNoneGranted')}</p>}
      <Status error={error} />
    </Section>
  );
}

/** The clock offsets measured from each portal's Date header (issue: correct codes when > 10 s). */
function ClockSection() {
  const { ask, t } = useApi();
  const [offsets, setOffsets] = useState<Array<{ origin: string; offsetMs: number; applied: boolean; tooLarge: boolean }> | null>(null);
  useEffect(() => {
    void ask({ type: 'clock.offsets' }).then((r) => r.ok && setOffsets(r.value.offsets));
  }, []);
  return (
    <Section id="sec-clock" title={t('secClock')} intro={t('clockIntro')}>
      {offsets && offsets.length === 0 && <p class="hint">{t('clockNone')}</p>}
      {offsets && offsets.length > 0 && (
        <ul class="sites" data-testid="clock-offsets">
          {offsets.map((o) => (
            <li key={o.origin}>
              <code>{o.origin}</code>
              <span class="tag" role={o.tooLarge ? 'alert' : undefined} data-testid={o.tooLarge ? 'clock-too-large' : undefined}>
                {t(o.tooLarge ? 'clockTooLarge' : o.applied ? 'clockApplied' : 'clockIgnored', (Math.round(o.offsetMs / 100) / 10).toString())}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A labelled password input with its own inline error. */
function PassField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  autocomplete: string;
  inputRef?: { current: HTMLInputElement | null };
  onInput(v: string): void;
}) {
  const msg = props.error || props.hint;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="password"
        data-testid={props.id}
        autocomplete={props.autocomplete}
        value={props.value}
        aria-invalid={!!props.error}
        aria-describedby={msg ? props.id + '-msg' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {msg && (
        <p id={props.id + '-msg'} class={props.error ? 'field-error' : 'hint'}>
          {msg}
        </p>
      )}
    </>
  );
}

/** New passphrase + confirmation, checked on submit: returns the first problem or ''. */
/** A new passphrase and its confirmation, with the inline errors of `usePair`. */
function PairFields(props: { pair: ReturnType<typeof usePair>; ids: [string, string]; label: string; hint: string }) {
  const t = useT();
  const { pair, ids } = props;
  return (
    <>
      <PassField
        id={ids[0]}
        label={props.label}
        value={pair.next}
        error={pair.shortErr}
        hint={props.hint}
        autocomplete="new-password"
        inputRef={pair.nextRef}
        onInput={pair.setNext}
      />
      <PassField
        id={ids[1]}
        label={t('confirmPassphrase')}
        value={pair.confirm}
        error={pair.mismatchErr}
        autocomplete="new-password"
        inputRef={pair.confirmRef}
        onInput={pair.setConfirm}
      />
    </>
  );
}

function usePair() {
  const t = useT();
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const shortErr = tried && next.length < MIN_PASSPHRASE ? t('passTooShort', MIN_PASSPHRASE) : '';
  const mismatchErr = tried && !shortErr && next !== confirm ? t('passMismatch') : '';
  return {
    next,
    confirm,
    setNext,
    setConfirm,
    nextRef,
    confirmRef,
    shortErr,
    mismatchErr,
    /** true when valid; otherwise shows the errors and focuses the bad field */
    check() {
      setTried(true);
      if (next.length < MIN_PASSPHRASE) nextRef.current?.focus();
      else if (next !== confirm) confirmRef.current?.focus();
      else return true;
      return false;
    },
    reset() {
      setNext('');
      setConfirm('');
      setTried(false);
    },
  };
}

function PassphraseSection() {
  const { ask, t } = useApi();
  const err = useErr();
  const [current, setCurrent] = useState('');
  const [currentErr, setCurrentErr] = useState('');
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);
  const pair = usePair();
  const currentRef = useRef<HTMLInputElement>(null);
  const [reencrypt, setReencrypt] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setMsg({ ok: '', error: '' });
    setCurrentErr('');
    if (!current) {
      setCurrentErr(t('passRequired'));
      return currentRef.current?.focus();
    }
    if (!pair.check()) return;
    setBusy(true);
    const r = await ask({ type: 'vault.changePassphrase', current, next: pair.next, reencrypt });
    setBusy(false);
    if (r.ok) {
      setCurrent('');
      pair.reset();
      setMsg({ ok: t('passChanged'), error: '' });
    } else if (r.error.code === 'wrong-passphrase') {
      setCurrentErr(err(r.error));
      currentRef.current?.focus();
    } else setMsg({ ok: '', error: err(r.error) });
  };

  return (
    <Section id="sec-pass" title={t('secPassphrase')} intro={t('changeIntro')}>
      <form class="form" onSubmit={submit} noValidate>
        <PassField
          id="current-passphrase"
          label={t('currentPassphrase')}
          value={current}
          error={currentErr}
          autocomplete="current-password"
          inputRef={currentRef}
          onInput={setCurrent}
        />
        <PairFields
          pair={pair}
          ids={['change-new-passphrase', 'change-confirm-passphrase']}
          label={t('newPassphrase')}
          hint={t('passMinHint', MIN_PASSPHRASE)}
        />
        <label class="check">
          <input type="checkbox" data-testid="reencrypt" checked={reencrypt} onChange={(e) => setReencrypt(e.currentTarget.checked)} />
          {t('reencryptAll')}
        </label>
        <button class="btn primary" type="submit" data-testid="change-passphrase" disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}
          {t('changePassphrase')}
        </button>
        <Status ok={msg.ok} error={msg.error} testid="change-status" />
      </form>
    </Section>
  );
}

function ExportSection() {
  const api = useApi();
  const { ask, t } = api;
  const err = useErr();
  const pair = usePair();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [warn, setWarn] = useState(false);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const stamp = () => dateStamp(new Date(api.now()));

  const encrypted = async (e: Event) => {
    e.preventDefault();
    setMsg({ ok: '', error: '' });
    if (!pair.check()) return;
    setBusy(true);
    const r = await ask({ type: 'export.encrypted', vaultPassphrase, passphrase: pair.next });
    setBusy(false);
    if (!r.ok) return setMsg({ ok: '', error: err(r.error) });
    const name = `cloudmc-authenticator-backup-${stamp()}.json`;
    api.download(name, r.value.file, 'application/json');
    pair.reset();
    setVaultPassphrase('');
    setMsg({ ok: t('exported', name), error: '' });
  };

  return (
    <Section id="sec-export" title={t('secExport')} intro={t('exportIntro')}>
      <ExportReauth label={t('exportVaultPassphrase')} value={vaultPassphrase} onInput={setVaultPassphrase} />
      <form class="form" onSubmit={encrypted} noValidate>
        <PairFields pair={pair} ids={['export-passphrase', 'export-confirm']} label={t('exportPassphrase')} hint={t('exportPassHint')} />
        <button class="btn primary" type="submit" data-testid="export-encrypted" disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}
          <Icon name="download" size={16} />
          {t('exportEncrypted')}
        </button>
      </form>
      <h3>{t('plainHeading')}</h3>
      <p class="muted small">{t('plainIntro')}</p>
      <button class="btn" type="button" data-testid="export-plain" onClick={() => setWarn(true)}>
        {t('exportPlain')}
      </button>
      <Status ok={msg.ok} error={msg.error} testid="export-status" />
      {warn && (
        <ConfirmDialog
          testid="plain-warning"
          title={t('plainTitle')}
          confirmLabel={t('plainConfirm')}
          danger
          onCancel={() => setWarn(false)}
          onConfirm={async () => {
            const r = await ask({ type: 'export.plain', vaultPassphrase });
            if (!r.ok) return err(r.error);
            setVaultPassphrase('');
            const name = `cloudmc-authenticator-otpauth-${stamp()}.txt`;
            api.download(name, r.value.text, 'text/plain');
            setWarn(false);
            setMsg({ ok: t('exported', name), error: '' });
            return '';
          }}
        >
          <p>
            <strong>{t('plainWarning')}</strong>
          </p>
          <p>{t('plainWarningMore')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

/**
 * Is this file text one of our encrypted backups (it then needs its passphrase)? lib/vault
 * writes "cmc-authenticator-backup"; the issue named "cloudmc-authenticator-backup": both count.
 */
const BACKUP_FORMATS = ['cmc-authenticator-backup', 'cloudmc-authenticator-backup'];
export function isEncryptedBackup(text: string): boolean {
  try {
    const v = JSON.parse(text) as { format?: unknown } | null;
    return typeof v === 'object' && v !== null && BACKUP_FORMATS.includes(v.format as string);
  } catch {
    return false;
  }
}

const MAX_IMPORT = 5 * 1024 * 1024;

function ImportSection() {
  const { ask, t } = useApi();
  const err = useErr();
  const [file, setFile] = useState<{ name: string; text: string; encrypted: boolean } | null>(null);
  const [pass, setPass] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const fileRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFile(null);
    setPass('');
    setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const runPreview = async (f: { text: string; encrypted: boolean }, passphrase: string) => {
    setBusy(true);
    setMsg({ ok: '', error: '' });
    const r = await ask({ type: 'import.preview', file: f.text, ...(f.encrypted ? { passphrase } : {}) });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else {
      setPreview(null);
      setMsg({ ok: '', error: err(r.error) });
      if (f.encrypted) passRef.current?.focus();
    }
  };

  const pick = async (e: Event) => {
    const picked = (e.currentTarget as HTMLInputElement).files?.[0];
    setPreview(null);
    setMsg({ ok: '', error: '' });
    if (!picked) return setFile(null);
    if (picked.size > MAX_IMPORT) return setMsg({ ok: '', error: t('importTooBig') });
    const text = await picked.text();
    const f = { name: picked.name, text, encrypted: isEncryptedBackup(text) };
    setFile(f);
    if (f.encrypted) requestAnimationFrame(() => passRef.current?.focus());
    else void runPreview(f, '');
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    const r = await ask({ type: 'import.apply', file: file.text, ...(file.encrypted ? { passphrase: pass } : {}) });
    setBusy(false);
    if (!r.ok) return setMsg({ ok: '', error: err(r.error) });
    reset();
    setMsg({ ok: t('imported', [r.value.add.length, r.value.duplicates.length]), error: '' });
  };

  return (
    <Section id="sec-import" title={t('secImport')} intro={t('importIntro')}>
      <label for="import-file">{t('importFile')}</label>
      <input
        id="import-file"
        ref={fileRef}
        type="file"
        data-testid="import-file"
        accept=".json,.txt,application/json,text/plain"
        onChange={pick}
      />
      {file?.encrypted && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!pass) {
              setMsg({ ok: '', error: t('passRequired') });
              return passRef.current?.focus();
            }
            void runPreview(file, pass);
          }}
        >
          <label for="import-passphrase">{t('importPassphrase')}</label>
          <input
            id="import-passphrase"
            ref={passRef}
            type="password"
            autocomplete="off"
            data-testid="import-passphrase"
            value={pass}
            onInput={(e) => setPass(e.currentTarget.value)}
          />
          <button class="btn" type="submit" data-testid="import-preview" disabled={busy}>
            {busy && <span class="spinner" aria-hidden="true" />}
            {t('importPreview')}
          </button>
        </form>
      )}
      {preview && (
        <div class="preview" data-testid="import-summary">
          <h3>{t('importWillAdd', preview.add.length)}</h3>
          {preview.add.length > 0 && (
            <ul>
              {preview.add.map((a, i) => (
                <li key={i} data-testid="import-add">
                  <b>{a.user}</b> <span class="muted">{a.origin || a.issuer}</span>
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
                    {a.user} <span>{a.origin || a.issuer}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="actions start">
            <button
              class="btn primary"
              type="button"
              data-testid="import-apply"
              disabled={busy || preview.add.length === 0}
              onClick={apply}
            >
              {t('importApply', preview.add.length)}
            </button>
            <button class="btn" type="button" onClick={reset}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <Status ok={msg.ok} error={msg.error} testid="import-status" />
    </Section>
  );
}
