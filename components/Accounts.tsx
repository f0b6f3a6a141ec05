/**
 * The accounts list. Built for the popup's budget (100 codes on screen fast, 1000 accounts
 * usable): rows are plain render functions, not components (no hooks per row), one click and
 * one keydown handler on the list serve every row (event delegation through `data-act`), the
 * row icons are CSS masks and the countdown one element, and there are no per-row timers: the
 * parent's single ticker re-renders the list once a second. The first paint holds the rows
 * that fit (FIRST_SCREEN), so 1,000 accounts cost what 8 do before it; the first PAGE rows
 * follow when the page is idle, more as the list is scrolled or searched. Rows have one
 * height whether their code is there or not (a preview row holds a placeholder), so nothing
 * moves when the codes arrive. Replaced accounts are not listed here.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FIRST_SCREEN, type AccountView } from '@/lib/messages/protocol';
import { useT } from './api';
import { accountRow } from './AccountRow';
import { faceAt, groupCode, searchText } from './format';
import { Icon } from './Icon';
import { whenIdle } from './idle';
import { RenameForm } from './RenameForm';

/** Rows rendered at first; more as the list is scrolled (1000 accounts stay fast). */
export const PAGE = 100;

/** The search box appears once there are more accounts than this. */
export const SEARCH_FROM = 5;

export interface RowActions {
  onCopy(a: AccountView, code: string): void;
  /** Resolves to an error message, or '' when renamed. */
  onRename(a: AccountView, label: string): Promise<string>;
  onDelete(a: AccountView): void;
  onBackup(a: AccountView): void;
  /** Link an account stored with no portal to one. */
  onBind(a: AccountView): void;
}

interface ListProps extends RowActions {
  accounts: AccountView[];
  now: number;
  copiedId: string | null;
  onAdd(): void;
}

export function AccountList(props: ListProps) {
  const t = useT();
  const { now } = props;
  const accounts = useMemo(() => props.accounts.filter((a) => a.state !== 'replaced'), [props.accounts]);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(FIRST_SCREEN);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchable = accounts.length > SEARCH_FROM;

  const q = searchable ? query.trim().toLowerCase() : '';
  const shown = useMemo(() => {
    if (!q) return accounts;
    return accounts.filter((a) => searchText(a).includes(q));
  }, [accounts, q]);
  const visible = shown.length > limit ? shown.slice(0, limit) : shown;
  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);

  useEffect(() => {
    if (searchable) searchRef.current?.focus();
  }, [searchable]);
  // The first screen is painted: the rest of the first page when idle.
  useEffect(() => whenIdle(() => setLimit((l) => Math.max(l, PAGE))), []);
  const searched = useRef(false);
  useEffect(() => {
    if (searched.current) setLimit(PAGE);
    searched.current = true;
  }, [q]);

  // Simple windowing: render the first PAGE rows, add PAGE more when scrolled near the end.
  useEffect(() => {
    const scroller = listRef.current?.closest('.scroll');
    if (!scroller || shown.length <= limit) return;
    const onScroll = () => {
      if (scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 400) setLimit((l) => l + PAGE);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [shown.length, limit]);

  const rowOf = (el: Element) => {
    const li = el.closest<HTMLElement>('li[data-id]');
    const a = li ? byId.get(li.dataset.id!) : undefined;
    return li && a ? { li, a } : null;
  };

  const focusRow = (i: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>(':scope > li > .acct-main');
    if (!rows?.length) return;
    rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus();
  };

  const onClick = (e: MouseEvent) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-act]');
    const row = el && rowOf(el);
    if (!el || !row) return;
    const { a } = row;
    switch (el.dataset.act) {
      case 'copy': {
        const code = faceAt(a, now).code;
        if (code) props.onCopy(a, code);
        break;
      }
      case 'backup':
        props.onBackup(a);
        break;
      case 'menu':
        setMenuFor(menuFor === a.id ? null : a.id);
        break;
      case 'rename':
        setMenuFor(null);
        setEditing(a.id);
        break;
      case 'delete':
        props.onDelete(a);
        break;
      case 'bind':
        props.onBind(a);
        break;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT') return;
    const row = rowOf(target);
    if (!row) return;
    if (e.key === 'Escape' && target.closest('.acct-menu')) {
      // Close the row's menu and give focus back to its toggle.
      setMenuFor(null);
      row.li.querySelector<HTMLElement>('[data-act=menu]')?.focus();
      return;
    }
    const rows = Array.from(listRef.current?.children ?? []);
    const i = rows.indexOf(row.li);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    if (to < 0 && searchable) searchRef.current?.focus();
    else focusRow(to);
  };

  if (accounts.length === 0) {
    return (
      <div class="empty">
        <div class="hero" aria-hidden="true">
          <Icon name="shield" size={28} />
        </div>
        <h2>{t('emptyTitle')}</h2>
        <p class="muted">{t('emptyBody')}</p>
        <button class="btn primary" type="button" onClick={props.onAdd}>
          <Icon name="plus" size={16} />
          {t('addByHand')}
        </button>
      </div>
    );
  }

  return (
    <>
      {searchable && (
        <div class="search">
          <Icon name="search" size={16} />
          <input
            ref={searchRef}
            type="search"
            data-testid="search"
            placeholder={t('searchPlaceholder')}
            aria-label={t('search')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusRow(0);
              } else if (e.key === 'Enter' && visible[0]) {
                // Enter in the search box copies the first match.
                const code = faceAt(visible[0], now).code;
                if (code) props.onCopy(visible[0], code);
              }
            }}
          />
        </div>
      )}
      {shown.length === 0 && <p class="muted center">{t('noMatch')}</p>}
      <ul class="accounts" ref={listRef} aria-label={t('accounts')} onClick={onClick} onKeyDown={onKeyDown}>
        {visible.map((a) =>
          editing === a.id ? (
            <li key={a.id} class="acct" data-testid="account" data-id={a.id}>
              <RenameForm
                a={a}
                code={groupCode(faceAt(a, now).code)}
                onRename={props.onRename}
                onDone={() => {
                  setEditing(null);
                  // Back to the row's copy button once it is rendered again.
                  requestAnimationFrame(() =>
                    listRef.current?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(a.id)}"] > .acct-main`)?.focus(),
                  );
                }}
              />
            </li>
          ) : (
            accountRow(t, a, now, props.copiedId === a.id, menuFor === a.id)
          ),
        )}
      </ul>
      {limit >= PAGE && shown.length > visible.length && (
        <button class="btn link wide" type="button" onClick={() => setLimit((l) => l + PAGE)}>
          {t('showMore', shown.length - visible.length)}
        </button>
      )}
    </>
  );
}
