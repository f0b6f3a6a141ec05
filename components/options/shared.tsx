/** What the options page's sections share: the card, status lines, switches, passphrase fields. */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { errorText, isLockedError, useT } from '../api';
import { MIN_PASSPHRASE } from '../format';

export type Err = { code: string; message: string };
/** Sections report a locked vault here (auto-lock while the page is open). */
export const LockedCtx = createContext<() => void>(() => {});

export function useErr() {
  const t = useT();
  const locked = useContext(LockedCtx);
  return (e: Err) => {
    if (isLockedError(e)) locked();
    return errorText(t, e);
  };
}

export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.intro && <p class="muted small">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A status line under a form: success or error, announced. */
export function Status({ ok, error, testid }: { ok?: string; error?: string; testid?: string }) {
  return (
    <p class={error ? 'error' : 'success'} role={error ? 'alert' : 'status'} data-testid={testid}>
      {error || ok}
    </p>
  );
}

export function Switch(props: { testid: string; checked: boolean; title: string; hint: string; onChange(v: boolean): void }) {
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

/** A labelled password input with its own inline error. */
export function PassField(props: {
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

/** A new passphrase and its confirmation, with the inline errors of `usePair`. */
export function PairFields(props: { pair: ReturnType<typeof usePair>; ids: [string, string]; label: string; hint: string }) {
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

/** The vault passphrase typed again (a change of passphrase, an export): required, refused inline. */
export interface Reauth {
  readonly value: string;
  /** False (and the field says so) when nothing was typed. */
  present(): boolean;
  /** True when the background refused the passphrase (the field shows why). */
  refused(error: Err): boolean;
  /** Clears the field after it served. */
  used(): void;
}

/** What a `Reauth` field's `PassField` takes. */
interface ReauthField {
  value: string;
  error: string;
  inputRef: { current: HTMLInputElement | null };
  onInput(v: string): void;
}

/** The state of a `Reauth` field; `field` spreads onto its `PassField`. */
export function useReauth(): Reauth & { field: ReauthField } {
  const t = useT();
  const err = useErr();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  return {
    value,
    present() {
      setError('');
      if (value) return true;
      setError(t('passRequired'));
      ref.current?.focus();
      return false;
    },
    refused(e) {
      if (e.code !== 'wrong-passphrase') return false;
      setError(err(e));
      ref.current?.focus();
      return true;
    },
    used: () => setValue(''),
    field: { value, error, inputRef: ref, onInput: setValue },
  };
}

/** New passphrase + confirmation, checked on submit. */
export function usePair() {
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
