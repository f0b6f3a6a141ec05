/**
 * The background's single entry for runtime messages. The sender's kind, decided by the
 * policy from the browser-filled `sender`, picks the handler table: a content script can
 * never reach a vault handler, whatever type it writes in its message.
 */
import { fail } from '../result';
import { classifySender, type PolicyEnv, type SenderLike, type TrustedSender } from './policy';
import type { ErrorCode, PageProtocol, Reply, UiProtocol } from './protocol';

type PageSender = Extract<TrustedSender, { kind: 'content-script' }>;
type UiSender = Extract<TrustedSender, { kind: 'extension-page' }>;

type Handlers<P, S> = {
  [K in keyof P]: (
    message: { type: K } & (P[K] extends { req: infer R } ? R : never),
    sender: S,
  ) => Promise<P[K] extends { res: infer A } ? A : never>;
};

export type UiHandlers = Handlers<UiProtocol, UiSender>;
export type PageHandlers = Handlers<PageProtocol, PageSender>;

/** Thrown by a handler to answer with a code the UI can translate. */
export class ReplyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RouterOptions {
  env: () => PolicyEnv | Promise<PolicyEnv>;
  ui: UiHandlers;
  page: PageHandlers;
  onRejected?: (reason: string, sender: SenderLike) => void;
}


export function createRouter(options: RouterOptions) {
  return async function route(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    const verdict = classifySender(sender, await options.env());
    if (!verdict.ok) {
      options.onRejected?.(verdict.reason, sender);
      return fail('forbidden', `Sender refused: ${verdict.reason}`);
    }
    const type = isTyped(message) ? message.type : undefined;
    // One table of either kind, looked up by a type string: the handlers' own types cannot follow.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const table: Record<string, (m: any, s: any) => Promise<unknown>> =
      verdict.sender.kind === 'extension-page' ? options.ui : options.page;
    const handler = type !== undefined && Object.hasOwn(table, type) ? table[type] : undefined;
    if (!handler) return fail('unknown-message', `No handler for ${String(type)} from ${verdict.sender.kind}`);
    try {
      return { ok: true, value: await handler(message, verdict.sender) };
    } catch (err) {
      if (err instanceof ReplyError) return fail(err.code, err.message);
      console.error('[cloudmc-authenticator] handler failed', type, err);
      return fail('internal', 'Something went wrong in the extension. Nothing was changed.');
    }
  };
}

function isTyped(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
