/**
 * One row of the accounts list (components/Accounts.tsx). A plain render function, not a
 * component: no hooks per row, and its clicks are handled by the list through `data-act`.
 */
import type { AccountView } from '@/lib/messages/protocol';
import type { T } from './api';
import { displayName, faceAt, groupCode } from './format';
import { Icon } from './Icon';
import { plural } from '@/lib/i18n';

/** A code not there yet: a dot per digit, grouped like the code, on the code's line (same height). */
const placeholder = (digits: number) => groupCode('0'.repeat(digits)).replace(/0/g, '\u2022');

/** One row. A plain function: its clicks are handled by the list (`data-act`). */
export function accountRow(t: T, a: AccountView, now: number, copied: boolean, menu: boolean) {
  // A preview row (from the first-screen index) has no code yet: a placeholder of the same size.
  const waiting = a.code === '';
  const face = waiting ? { code: '', left: a.period } : faceAt(a, now);
  const name = displayName(a);
  const who = `${a.user} · ${name}`;
  const code = waiting ? placeholder(a.digits) : groupCode(face.code);
  const { total, remaining } = a.backup;
  const menuId = `menu-${a.id}`;
  const frac = Math.max(0, Math.min(1, face.left / a.period));
  return (
    <li
      key={a.id}
      class={`acct${copied ? ' copied' : ''}${a.state !== 'active' ? ' ' + a.state : ''}${waiting ? ' waiting' : ''}`}
      data-testid="account"
      data-id={a.id}
      aria-busy={waiting || undefined}
    >
      <button class="acct-main" data-act="copy" aria-label={t('copyCodeFor', [code, a.user, name])}>
        <span class="acct-name">{name}</span>
        <span class="acct-user">{a.user}</span>
        <span class="code" data-testid="code">
          {code}
        </span>
        {copied && (
          <span class="copied-tag" aria-hidden="true">
            <Icon name="check" size={14} />
            {t('copied')}
          </span>
        )}
      </button>
      {/* The countdown: one element whose arc is a conic gradient of --p (the fraction left).
          Keyed by code, so a new code remounts it and it refills without animating backwards. */}
      <span
        key={face.code}
        class={face.left <= 5 ? 'ring low' : 'ring'}
        role="timer"
        aria-label={waiting ? undefined : plural(t, 'secondsLeft', face.left)}
        style={`--p:${frac}`}
      >
        {waiting ? '' : face.left}
      </span>
      {/* Icons and the remaining count are drawn by CSS (::before, ::after): fewer nodes a row. */}
      <button
        class={total === 0 ? 'icon-btn bk' : remaining <= 2 ? 'icon-btn bk low' : 'icon-btn bk'}
        data-act="backup"
        data-testid="show-backup-codes"
        data-count={total > 0 ? remaining : undefined}
        aria-label={total ? t('backupFor', [who, remaining, total]) : t('backupForNone', who)}
      />
      <button
        class="icon-btn more"
        data-act="menu"
        data-testid="account-menu"
        aria-label={t('moreFor', who)}
        aria-expanded={menu}
        aria-controls={menu ? menuId : undefined}
      />
      {a.state === 'pending' && <p class="badge warn">{t('statePending')}</p>}
      {a.origin === null && (
        <button class="badge" data-act="bind" data-testid="bind-account" title={t('bindTitle')}>
          {t('unboundBadge')}
        </button>
      )}
      {a.state === 'disabled' && (
        <button class="badge danger" data-act="delete">
          {t('stateDisabled')}
        </button>
      )}
      {menu && (
        <div class="acct-menu" id={menuId}>
          <button class="btn small" data-act="rename" data-testid="rename">
            <Icon name="edit" size={14} />
            {t('rename')}
          </button>
          <button class="btn small danger" data-act="delete" data-testid="delete">
            <Icon name="trash" size={14} />
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}
