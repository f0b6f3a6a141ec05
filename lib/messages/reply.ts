/** Sends a message and answers with a Reply, never a rejection (shared by every sender). */
import { fail } from '../result';
import type { Reply } from './protocol';

export async function sendVia<T>(sendMessage: (message: object) => Promise<unknown>, message: object): Promise<Reply<T>> {
  try {
    return (await sendMessage(message)) as Reply<T>;
  } catch (err) {
    // The service worker may be restarting; the caller shows this like any other failure.
    return fail('unreachable', String(err));
  }
}
