/**
 * The portal address field, one for every form that asks where an account's codes may be
 * filled (manual add, "Link to a portal"), and the one reading of what was typed.
 */
import type { RefObject } from 'preact';
import { normalizeOrigin } from './format';

/** What a portal field holds: nothing, a web origin, or text that is not a web address. */
export type PortalInput = { kind: 'empty' } | { kind: 'origin'; origin: string } | { kind: 'bad' };

export function readPortal(value: string): PortalInput {
  const o = normalizeOrigin(value);
  if (!o) return { kind: 'empty' };
  return /^https?:\/\//.test(o) ? { kind: 'origin', origin: o } : { kind: 'bad' };
}

interface Props {
  /** The input's id; its hint is `${id}-hint`. */
  id: string;
  testid: string;
  label: string;
  hint: string;
  value: string;
  onInput(value: string): void;
  inputRef: RefObject<HTMLInputElement>;
  /** Further ids that describe the input (an error line). */
  describedBy?: string;
}

export function PortalField(props: Props) {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="url"
        inputMode="url"
        autocomplete="url"
        data-testid={props.testid}
        placeholder="https://portal.example.com"
        value={props.value}
        aria-describedby={props.describedBy ? `${hintId} ${props.describedBy}` : hintId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p id={hintId} class="hint">
        {props.hint}
      </p>
    </>
  );
}
