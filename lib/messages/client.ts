/** Typed senders for extension pages and content scripts. */
import { browser } from 'wxt/browser';
import { fail } from '../result';
import type { AnswerOf, MessageOf, PageProtocol, Reply, UiProtocol } from './protocol';

async function send<T>(message: object): Promise<Reply<T>> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply<T>;
  } catch (err) {
    // The service worker may be restarting; the caller shows this like any other failure.
    return fail('unreachable', String(err));
  }
}

export function askBackground<K extends keyof UiProtocol>(
  message: Extract<MessageOf<UiProtocol>, { type: K }>,
): Promise<Reply<AnswerOf<UiProtocol, K>>> {
  return send(message);
}

export function tellBackground<K extends keyof PageProtocol>(
  message: Extract<MessageOf<PageProtocol>, { type: K }>,
): Promise<Reply<AnswerOf<PageProtocol, K>>> {
  return send(message);
}
