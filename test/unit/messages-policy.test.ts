import { describe, expect, it } from 'vitest';
import { classifySender, type PolicyEnv, type SenderLike } from '@/lib/messages/policy';
import { createRouter, ReplyError, type PageHandlers, type UiHandlers } from '@/lib/messages/router';
import { isCloudmcOrigin } from '@/lib/cloudmc/sites';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const env: PolicyEnv = {
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}`,
  isEnabledOrigin: (o) => isCloudmcOrigin(o),
};

const popup: SenderLike = { id: ID, url: `chrome-extension://${ID}/popup.html`, origin: `chrome-extension://${ID}` };
const portalTop: SenderLike = {
  id: ID,
  url: 'https://charter.dev.cloudmc.io/#/profile/security',
  origin: 'https://charter.dev.cloudmc.io',
  frameId: 0,
  tab: { id: 7 },
};

describe('classifySender', () => {
  it('accepts our popup and options pages, in a tab or not', () => {
    expect(classifySender(popup, env)).toEqual({ ok: true, sender: { kind: 'extension-page', url: popup.url } });
    const optionsInTab = { ...popup, url: `chrome-extension://${ID}/options.html`, tab: { id: 3 }, frameId: 0 };
    expect(classifySender(optionsInTab, env)).toMatchObject({ ok: true, sender: { kind: 'extension-page' } });
  });

  it('accepts a content script in the top frame of a CloudMC origin, origin from the sender', () => {
    expect(classifySender(portalTop, env)).toEqual({
      ok: true,
      sender: { kind: 'content-script', origin: 'https://charter.dev.cloudmc.io', tabId: 7, url: portalTop.url },
    });
    const sandbox = { ...portalTop, url: 'http://127.0.0.1:8484/login', origin: 'http://127.0.0.1:8484' };
    expect(classifySender(sandbox, env)).toMatchObject({ ok: true, sender: { origin: 'http://127.0.0.1:8484' } });
  });

  it.each<[string, SenderLike, string]>([
    ['another extension', { ...popup, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/p.html' }, 'foreign-extension'],
    ['another extension claiming our page url', { ...popup, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, 'foreign-extension'],
    ['a sender with no id (web page via externally_connectable)', { url: 'https://charter.dev.cloudmc.io/', tab: { id: 1 }, frameId: 0 }, 'foreign-extension'],
    ['a sender without url', { id: ID }, 'no-url'],
    ['a web page url with no tab', { id: ID, url: 'https://charter.dev.cloudmc.io/' }, 'not-a-tab'],
    ['a sub-frame of a CloudMC page', { ...portalTop, frameId: 3 }, 'sub-frame'],
    ['an unknown origin', { ...portalTop, url: 'https://evil.example/', origin: 'https://evil.example' }, 'origin-not-enabled'],
    ['a lookalike host', { ...portalTop, url: 'https://charter.cloudmc.io.evil.example/', origin: 'https://charter.cloudmc.io.evil.example' }, 'origin-not-enabled'],
    ['a suffix lookalike', { ...portalTop, url: 'https://evilcloudmc.io/', origin: 'https://evilcloudmc.io' }, 'origin-not-enabled'],
    ['plain http for an https-only domain', { ...portalTop, url: 'http://charter.dev.cloudmc.io/', origin: 'http://charter.dev.cloudmc.io' }, 'origin-not-enabled'],
    ['an opaque origin with a CloudMC url (sandboxed frame)', { ...portalTop, origin: 'null' }, 'origin-mismatch'],
    ['a page claiming an extension origin', { ...popup, origin: 'https://charter.dev.cloudmc.io' }, 'origin-mismatch'],
    ['a file: url', { ...portalTop, url: 'file:///tmp/x.html', origin: undefined }, 'origin-not-enabled'],
  ])('refuses %s', (_name, sender, reason) => {
    expect(classifySender(sender, env)).toEqual({ ok: false, reason });
  });
});

describe('router', () => {
  const route = createRouter({
    env: () => env,
    // Only the handler under test; the background itself must implement every type.
    ui: { 'vault.status': async () => ({ state: 'locked' }) } as Partial<UiHandlers> as UiHandlers,
    page: {
      'ui.inject': async (_m: unknown, sender: { origin: string }) => {
        if (sender.origin.includes('127.0.0.1')) throw new ReplyError('not-here', 'Not on this host');
        return {};
      },
    } as Partial<PageHandlers> as PageHandlers,
  });

  it('routes extension pages to the ui table only', async () => {
    expect(await route({ type: 'vault.status' }, popup)).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await route({ type: 'ui.inject' }, popup)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  });

  it('never lets a content script reach a ui handler', async () => {
    expect(await route({ type: 'vault.status' }, portalTop)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(await route({ type: 'ui.inject' }, portalTop)).toEqual({ ok: true, value: {} });
  });

  it('refuses rejected senders before reading the message', async () => {
    expect(await route({ type: 'vault.status' }, { ...popup, id: 'other' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers handler errors and garbage as data', async () => {
    const local = { ...portalTop, url: 'http://127.0.0.1:1/', origin: 'http://127.0.0.1:1' };
    expect(await route({ type: 'ui.inject' }, local)).toEqual({ ok: false, error: { code: 'not-here', message: 'Not on this host' } });
    for (const garbage of [null, 42, 'vault.status', { type: 5 }, { type: 'toString' }, { type: '__proto__' }]) {
      expect(await route(garbage, popup)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    }
  });
});
