/**
 * Manual entry: an otpauth URI, or a bare base32 secret with the user name. Never a dead end:
 * when no portal can be derived (a bare secret, an issuer such as "Heldout Bank"), the optional
 * portal address field is shown; left empty, the account is stored unbound (codes shown and
 * copied in the popup, never filled in) and can be linked later. Every error names a field
 * that is on screen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, UiProtocol } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi } from './api';
import { hostOf, isBareSecret, portalOfUri } from './format';
import { PortalField, readPortal } from './PortalField';
import { ScreenImport } from './ScreenImport';

interface Props {
  onAdded(a: AccountView): void;
  onCancel(): void;
  onLocked(): void;
}

export function AddAccount({ onAdded, onCancel, onLocked }: Props) {
  const { ask, t } = useApi();
  const [input, setInput] = useState('');
  const [origin, setOrigin] = useState('');
  const [user, setUser] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const originRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const bare = isBareSecret(input);
  // The portal field: for a bare secret, or a URI whose issuer names no portal.
  const askPortal = bare || (input.trim() !== '' && portalOfUri(input) === null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const value = input.trim();
    const fail = (msg: string, el: HTMLElement | null = inputRef.current) => {
      setError(msg);
      el?.focus();
    };
    if (!value) return fail(t('addEmpty'));
    const portal = askPortal ? readPortal(origin) : ({ kind: 'empty' } as const);
    if (portal.kind === 'bad') return fail(t('addBadOrigin'), originRef.current);
    const o = portal.kind === 'origin' ? portal.origin : '';
    let req: { input: string; issuer?: string; user?: string; origin?: string } = { input: value, ...(o ? { origin: o } : {}) };
    if (bare) {
      if (!user.trim()) return fail(t('addNeedUser'), userRef.current);
      req = { ...req, issuer: o ? hostOf(o) : '', user: user.trim() };
    }
    setBusy(true);
    setError('');
    const r = await ask({ type: 'accounts.add', ...req });
    setBusy(false);
    if (r.ok) onAdded(r.value.account);
    else if (isLockedError(r.error)) onLocked();
    else fail(errorText(t, r.error));
  };

  return (
    <form class="pane" onSubmit={submit} noValidate aria-labelledby="add-title">
      <h2 id="add-title">{t('addTitle')}</h2>
      <ScanPage />
      <ScreenImport />
      <p class="divider">
        <span>{t('orByHand')}</span>
      </p>
      <label for="add-input">{t('addInputLabel')}</label>
      <textarea
        id="add-input"
        ref={inputRef}
        rows={3}
        spellcheck={false}
        autocomplete="off"
        data-testid="otpauth-uri"
        placeholder="otpauth://totp/…  —  JBSW Y3DP EHPK 3PXP"
        value={input}
        aria-describedby="add-hint add-error"
        aria-invalid={!!error}
        onInput={(e) => {
          setInput(e.currentTarget.value);
          setError('');
        }}
        onKeyDown={(e) => {
          // A URI or a secret is one line: Enter submits (Shift+Enter still breaks the line).
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
      />
      <p id="add-hint" class="hint">
        {t('addInputHint')}
      </p>
      {askPortal && (
        <PortalField
          id="add-origin"
          testid="account-origin"
          label={t('addOrigin')}
          hint={t('addOriginOptional')}
          value={origin}
          inputRef={originRef}
          onInput={setOrigin}
        />
      )}
      {bare && (
        <>
          <label for="add-user">{t('addUser')}</label>
          <input
            id="add-user"
            ref={userRef}
            autocomplete="username"
            data-testid="account-user"
            placeholder="name@example.com"
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </>
      )}
      <p id="add-error" class="error" role="alert" data-testid="add-error">
        {error}
      </p>
      <div class="actions">
        <button class="btn" type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button class="btn primary" type="submit" data-testid="save-account" disabled={busy}>
          {t('addAccount')}
        </button>
      </div>
    </form>
  );
}

type Scan = UiProtocol['sites.scan']['res'];

/**
 * "Scan this page": on a portal the extension does not know yet (a reseller's own domain),
 * finds the enrollment QR on the active tab and asks the browser for that site, after which
 * the page itself offers "Add to CloudMC Authenticator".
 */
function ScanPage() {
  const { ask, t, requestSite } = useApi();
  const [scan, setScan] = useState<Scan | null>(null);
  const [msg, setMsg] = useState({ ok: '', error: '' });
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setMsg({ ok: '', error: '' });
    const r = await ask({ type: 'sites.scan' });
    setBusy(false);
    if (r.ok) setScan(r.value);
    else setMsg({ ok: '', error: errorText(t, r.error) });
  };

  const allow = async (origin: string, pattern: string) => {
    // The permission prompt needs this click's user gesture: ask before anything else.
    if (!(await requestSite(pattern))) return setMsg({ ok: '', error: t('scanDenied') });
    const r = await ask({ type: 'sites.enable', pattern });
    if (r.ok && r.value.enabled) {
      setScan(null);
      setMsg({ ok: t('scanEnabled', hostOf(origin)), error: '' });
    } else setMsg({ ok: '', error: r.ok ? t('scanDenied') : errorText(t, r.error) });
  };

  const where = scan && 'origin' in scan ? hostOf(scan.origin) : '';
  return (
    <div class="scan" data-testid="scan">
      <p class="hint">{t('scanIntro')}</p>
      {scan?.status === 'qr-found' ? (
        <>
          <p class="notice">{t('scanFound', where)}</p>
          <button class="btn small primary" type="button" data-testid="scan-allow" onClick={() => allow(scan.origin, scan.pattern)}>
            {t('scanAllow')}
          </button>
        </>
      ) : (
        <>
          {scan && (
            <p class="notice" role="status">
              {scan.status === 'enabled' ? t('scanAlready', where) : scan.status === 'no-qr' ? t('scanNoQr', where) : t('scanUnsupported')}
            </p>
          )}
          <button class="btn small" type="button" data-testid="scan-page" disabled={busy} onClick={run}>
            {busy && <span class="spinner" aria-hidden="true" />}
            {t('scanPage')}
          </button>
        </>
      )}
      <p class={msg.error ? 'error' : 'success'} role={msg.error ? 'alert' : 'status'}>
        {msg.error || msg.ok}
      </p>
    </div>
  );
}
