/**
 * The typed message protocol. Three channels, each a map from message type to its request
 * fields and its answer, so that a sender and a handler cannot disagree on a shape:
 *
 * - `UiProtocol`: extension pages (popup, options) -> background. May drive the vault.
 * - `PageProtocol`: content script -> background. Reports page facts; gets the least it can.
 * - `TabProtocol`: background -> content script.
 *
 * Answers cross the boundary as `Reply<T>` so that errors arrive as data with a code a UI can
 * translate, never as a rejected promise with a stack.
 */

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface UiProtocol {
  'vault.status': { req: {}; res: { state: VaultState } };
}

export interface PageProtocol {
  /** A content script announces itself; the background answers whether it may act here. */
  'page.hello': { req: {}; res: { enabled: boolean } };
}

export interface TabProtocol {
  'cs.ping': { req: {}; res: { alive: true } };
}

/** A channel maps each message type to its request fields and its answer. */
type Channel<P> = { [K in keyof P]: { req: object; res: unknown } };

export type MessageOf<P extends Channel<P>> = {
  [K in keyof P & string]: { type: K } & P[K]['req'];
}[keyof P & string];

export type AnswerOf<P extends Channel<P>, K extends keyof P> = P[K]['res'];

export type ErrorCode =
  | 'forbidden'
  | 'unknown-message'
  | 'internal'
  | (string & {}); // feature modules add their own codes

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
