/**
 * Errors are values. Every fallible lib/ function returns a `Result` whose error carries a
 * stable `code` (for a UI to map to its own wording and for tests to assert on) and a short
 * English `message` (good enough to show as is). The shape is the same as the message
 * protocol's `Reply`, so a result can cross to an extension page unchanged.
 */

export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** The error of a Result: a code from a closed union, and a sentence for humans. */
export interface Failure<C extends string> {
  readonly code: C;
  readonly message: string;
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Shorthand for `err({ code, message })`. */
export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly error: Failure<C> } {
  return { ok: false, error: { code, message } };
}
