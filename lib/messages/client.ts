/** Typed senders for extension pages and content scripts. */
import { browser } from 'wxt/browser';
import type { AnswerOf, MessageOf, PageProtocol, Reply, UiProtocol } from './protocol';
import { sendVia } from './reply';

const send = <T>(message: object): Promise<Reply<T>> => sendVia<T>((m) => browser.runtime.sendMessage(m), message);

export function uiRequest<K extends keyof UiProtocol>(
  message: Extract<MessageOf<UiProtocol>, { type: K }>,
): Promise<Reply<AnswerOf<UiProtocol, K>>> {
  return send(message);
}

export function pageRequest<K extends keyof PageProtocol>(
  message: Extract<MessageOf<PageProtocol>, { type: K }>,
): Promise<Reply<AnswerOf<PageProtocol, K>>> {
  return send(message);
}
