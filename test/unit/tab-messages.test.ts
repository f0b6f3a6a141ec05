/**
 * The typed background -> tab channel (lib/content/tab-messages.ts): only our background (this
 * extension, no tab) is answered, each message by its own handler; anything else gets no answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { onTabMessages } from '@/lib/content/tab-messages';

let controller: AbortController;
const filled: string[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  filled.length = 0;
  controller = new AbortController();
  onTabMessages(
    {
      'cs.ping': async () => ({ alive: true }),
      'cs.backupCode': async (m) => {
        filled.push(m.code);
        return { filled: true };
      },
    },
    controller.signal,
  );
});
afterEach(() => controller.abort());

const background = () => ({ id: browser.runtime.id });
/** What the listeners answered (undefined: no answer). */
const send = async (message: unknown, sender: object) =>
  (await fakeBrowser.runtime.onMessage.trigger(message, sender)).filter((a) => a !== undefined);

describe('the tab channel', () => {
  it('answers our background with the handler of the message type', async () => {
    expect(await send({ type: 'cs.ping' }, background())).toEqual([{ alive: true }]);
    expect(await send({ type: 'cs.backupCode', code: '12345678' }, background())).toEqual([{ filled: true }]);
    expect(filled).toEqual(['12345678']);
  });

  it('ignores another extension, and any sender with a tab (a content script, a page)', async () => {
    expect(await send({ type: 'cs.backupCode', code: '1' }, { id: 'other-extension' })).toEqual([]);
    expect(await send({ type: 'cs.backupCode', code: '2' }, { ...background(), tab: { id: 4 } })).toEqual([]);
    expect(await send({ type: 'cs.backupCode', code: '3' }, {})).toEqual([]);
    expect(filled).toEqual([]);
  });

  it('ignores types it has no handler for, inherited names and non-messages', async () => {
    for (const message of [
      { type: 'cs.fillChallenge' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 1 },
      'cs.ping',
      null,
    ]) {
      expect(await send(message, background()), JSON.stringify(message)).toEqual([]);
    }
  });

  it('stops answering once its signal aborts', async () => {
    controller.abort();
    expect(await send({ type: 'cs.ping' }, background())).toEqual([]);
  });
});
