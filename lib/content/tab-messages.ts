/**
 * The background -> tab channel (`TabProtocol`, lib/messages/protocol.ts), typed end to end:
 * each handler gets its own message type and returns its own answer, as the background's
 * `sendToTab` sends them. Shared by the content script and the page UI; kept tiny (always loaded).
 *
 * Only our own background may talk to us: a message from this extension that no tab sent
 * (pages cannot reach runtime.onMessage; our content scripts in tabs carry a `tab`).
 */
import { browser } from 'wxt/browser';
import type { AnswerOf, MessageOf, TabProtocol } from '../messages/protocol';

type Type = keyof TabProtocol;
type Message<K extends Type> = Extract<MessageOf<TabProtocol>, { type: K }>;
/** Some of the channel's messages, each with its handler. */
export type TabHandlers = { [K in Type]?: (message: Message<K>) => Promise<AnswerOf<TabProtocol, K>> };

/** A message this listener handles: an object whose `type` is one of `handlers`' own keys. */
const handled = (handlers: TabHandlers, m: unknown): m is Message<Type> =>
  typeof m === 'object' && m !== null && 'type' in m && typeof m.type === 'string' && Object.hasOwn(handlers, m.type);

function dispatch<K extends Type>(handlers: TabHandlers, message: Message<K>): Promise<AnswerOf<TabProtocol, K>> | undefined {
  return handlers[message.type]?.(message);
}

/** Answers the background's messages with `handlers` until `signal` aborts. */
export function onTabMessages(handlers: TabHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) =>
    sender.id === browser.runtime.id && !sender.tab && handled(handlers, message) ? dispatch(handlers, message) : undefined;
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
