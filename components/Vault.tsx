/** The unlocked popup: header actions, the list, the add form, backup codes, delete dialog. */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FIRST_SCREEN, type AccountView } from '@/lib/messages/protocol';
import { errorText, isLockedError, useApi } from './api';
import { AccountList } from './Accounts';
import { BackupHealth } from './BackupHealth';
import { lazy } from './lazy';
import { DeleteAccount } from './DeleteAccount';
import { ReplacedAccounts } from './ReplacedAccounts';
import { IssuerSites } from './IssuerSites';
import { useCodeClock } from './use-code-clock';
import { hostOf, whoAt } from './format';
import { Icon } from './Icon';
import { whenIdle } from './idle';
import { plural } from '@/lib/i18n';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'backup'; id: string } | { kind: 'bind'; id: string };

// Not on the first screen: loaded when idle, off the first render's bytes.
const AddAccount = lazy(() => import('./AddAccount').then((m) => m.AddAccount));
const BackupCodes = lazy(() => import('./BackupCodes').then((m) => m.BackupCodes));
const BindAccount = lazy(() => import('./BindAccount').then((m) => m.BindAccount));

/** The popup's top bar; `children` are the extra actions of the current state. */
export function Bar({ children }: { children?: ComponentChildren }) {
  const { t, openOptions } = useApi();
  return (
    <header class="bar">
      <span class="brand">
        <img class="mark" src="/icon/32.png" width={18} height={18} alt="" />
        {t('appName')}
      </span>
      <span class="bar-actions">
        {children}
        <button
          class="icon-btn"
          type="button"
          data-testid="open-options"
          aria-label={t('openOptions')}
          title={t('openOptions')}
          onClick={openOptions}
        >
          <Icon name="gear" />
        </button>
      </span>
    </header>
  );
}

/**
 * An `accounts.list` answer. `more`: only the first screen, ask for the whole list once
 * painted. `preview`: rows from the first-screen index, no codes yet (the answer is coming).
 */
export type ListAnswer = { accounts: AccountView[]; broken?: number; more?: boolean; preview?: boolean };

/**
 * `initial`: what the popup already has (the first screen, or the index's preview until the
 * first screen comes; a newer `initial` replaces a preview). Without it, the first screen is
 * asked for on mount. Either way, the rest of the list is asked for when idle.
 */
export function Vault({ initial, onLocked }: { initial: ListAnswer | null; onLocked(): void }) {
  const api = useApi();
  const { ask, t } = api;
  // The list as this component last set it; a preview gives way to what the popup passes in.
  const [own, setOwn] = useState<ListAnswer | null>(null);
  const current = own && !own.preview ? own : (initial ?? own);
  const currentRef = useRef(current);
  currentRef.current = current;
  const accounts = current?.accounts ?? null;
  const broken = current?.broken ?? 0;
  const setAccounts = (fn: (list: AccountView[] | null) => AccountView[] | null) =>
    setOwn((o) => {
      const base = o && !o.preview ? o : (currentRef.current ?? o);
      return { ...base, accounts: fn(base?.accounts ?? null) ?? [] };
    });
  const [error, setError] = useState('');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [toast, setToast] = useState('');
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AccountView | null>(null);
  const toastTimer = useRef(0);

  /** The whole list, or with `first` the first screen only. */
  const refresh = async (first?: number) => {
    const r = await ask(first ? { type: 'accounts.list', first } : { type: 'accounts.list' });
    if (r.ok) {
      // The background also counts records it could not read (left untouched in the store).
      setOwn(r.value);
      setError('');
    } else if (isLockedError(r.error)) onLocked();
    else setError(errorText(t, r.error));
  };

  // Nothing handed in (or a preview whose answer failed): ask for the first screen.
  useLayoutEffect(() => {
    if (!initial && !own) void refresh(FIRST_SCREEN);
  }, [initial]);

  // Painted the first screen: the rest of the list when the page is idle.
  const partial = !!current?.more && !current.preview;
  useEffect(() => (partial ? whenIdle(() => void refresh()) : undefined), [partial]);
  useEffect(
    () =>
      whenIdle(() => {
        void AddAccount.preload();
        void BackupCodes.preload();
        void BindAccount.preload();
      }),
    [],
  );

  const now = useCodeClock(accounts, api.now, refresh);

  const flash = (message: string, copied: string | null = null) => {
    setToast(message);
    setCopiedId(copied);
    clearTimeout(toastTimer.current);
    toastTimer.current = window.setTimeout(() => {
      setToast('');
      setCopiedId(null);
    }, 1800);
  };

  const lock = async () => {
    await ask({ type: 'vault.lock' });
    onLocked();
  };

  const backTo = () => {
    setView({ kind: 'list' });
    void refresh();
  };

  const backupAccount = view.kind === 'backup' ? accounts?.find((a) => a.id === view.id) : undefined;
  const bindAccount = view.kind === 'bind' ? accounts?.find((a) => a.id === view.id) : undefined;

  return (
    <>
      <Bar>
        <button
          class="icon-btn"
          type="button"
          data-testid="add-account"
          aria-label={t('addAccount')}
          title={t('addAccount')}
          aria-pressed={view.kind === 'add'}
          onClick={() => setView(view.kind === 'add' ? { kind: 'list' } : { kind: 'add' })}
        >
          <Icon name="plus" />
        </button>
        <button class="icon-btn" type="button" data-testid="lock" aria-label={t('lock')} title={t('lock')} onClick={lock}>
          <Icon name="lock" />
        </button>
      </Bar>
      <div class="scroll">
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {broken > 0 && view.kind === 'list' && (
          <p class="notice warn" role="status" data-testid="broken">
            {plural(t, 'brokenRecords', broken)}
          </p>
        )}
        {view.kind === 'list' && accounts && accounts.length > 0 && <BackupHealth accounts={accounts.length} />}
        {view.kind === 'add' && (
          <AddAccount
            onCancel={() => setView({ kind: 'list' })}
            onLocked={onLocked}
            onAdded={(a) => {
              setAccounts((list) => [...(list ?? []).filter((x) => x.id !== a.id), a]);
              setView({ kind: 'list' });
              flash(a.origin === null ? t('addedUnbound', a.user || a.issuer) : t('added', a.user));
              void refresh();
            }}
          />
        )}
        {bindAccount && (
          <BindAccount
            account={bindAccount}
            onCancel={() => setView({ kind: 'list' })}
            onLocked={onLocked}
            onBound={(a) => {
              setAccounts((list) => list && list.map((x) => (x.id === a.id ? a : x)));
              setView({ kind: 'list' });
              flash(t('bound', a.origin ? hostOf(a.origin) : ''));
            }}
          />
        )}
        {backupAccount && <BackupCodes account={backupAccount} onBack={backTo} onLocked={onLocked} flash={flash} />}
        {view.kind === 'list' && !accounts && !error && (
          <p class="muted center" aria-busy="true">
            {t('loading')}
          </p>
        )}
        {view.kind === 'list' && accounts && (
          <IssuerSites
            accounts={accounts}
            whoAt={whoAt}
            onAllow={async (a) => {
              const r = await ask({ type: 'accounts.allowIssuerSite', id: a.id });
              if (r.ok) setAccounts((list) => list && list.map((x) => (x.id === a.id ? r.value.account : x)));
              else setError(errorText(t, r.error));
            }}
          />
        )}
        {view.kind === 'list' && accounts && (
          <AccountList
            accounts={accounts.filter((a) => a.state !== 'replaced')}
            now={now}
            copiedId={copiedId}
            onAdd={() => setView({ kind: 'add' })}
            onCopy={async (a, code) => {
              // Copy, and fill the code in when the active tab is this account's login challenge
              // (the background checks the tab's origin; elsewhere it fills nothing).
              const [ok, fill] = await Promise.all([api.copy(code), ask({ type: 'accounts.fillActiveTab', id: a.id })]);
              const filled = fill.ok && fill.value.filled;
              flash(filled ? t('copiedFilled') : ok ? t('copied') : t('copyFailed'), ok || filled ? a.id : null);
            }}
            onRename={async (a, label) => {
              const r = await ask({ type: 'accounts.rename', id: a.id, label });
              if (r.ok) {
                setAccounts((list) => list && list.map((x) => (x.id === a.id ? r.value.account : x)));
                return '';
              }
              if (isLockedError(r.error)) onLocked();
              return errorText(t, r.error);
            }}
            onDelete={setDeleting}
            onBackup={(a) => setView({ kind: 'backup', id: a.id })}
            onBind={(a) => setView({ kind: 'bind', id: a.id })}
          />
        )}
        {view.kind === 'list' && accounts && (
          <ReplacedAccounts
            accounts={accounts.filter((a) => a.state === 'replaced')}
            whoAt={whoAt}
            onDelete={setDeleting}
            onRestore={async (a) => {
              const r = await ask({ type: 'accounts.restore', id: a.id });
              if (r.ok) setAccounts((list) => list && list.map((x) => (x.id === a.id ? r.value.account : x)));
              else if (isLockedError(r.error)) onLocked();
              else setError(errorText(t, r.error));
            }}
          />
        )}
      </div>
      <div class="toast" role="status" aria-live="polite" data-testid="toast">
        {toast}
      </div>
      {deleting && (
        <DeleteAccount
          account={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => {
            setAccounts((list) => list && list.filter((x) => x.id !== deleting.id));
            setDeleting(null);
            flash(t('deleted'));
          }}
        />
      )}
    </>
  );
}
