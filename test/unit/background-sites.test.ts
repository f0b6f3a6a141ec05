/**
 * Sites granted at run time. The real path needs Chrome's host-permission prompt, which a
 * headless browser cannot answer, so the browser APIs are a small fake here: what is under
 * test is our bookkeeping (registration kept in step with the permission store, the scan's
 * answers, enabling only what was granted).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    origins: [] as string[],
    registered: [] as Array<{ id: string; matches: string[]; js: string[] }>,
    activeTab: { id: 7, url: 'https://portal.reseller.test/profile' } as { id?: number; url?: string } | undefined,
    pageHasQr: true,
    injected: [] as Array<{ tabId: number; files?: string[] }>,
  };
  const browser = {
    permissions: {
      getAll: async () => ({ origins: [...state.origins] }),
      remove: async ({ origins }: { origins: string[] }) => {
        state.origins = state.origins.filter((o) => !origins.includes(o));
        return true;
      },
      onAdded: { addListener: () => {} },
      onRemoved: { addListener: () => {} },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => state.registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (scripts: Array<{ id: string; matches: string[]; js: string[] }>) => {
        state.registered.push(...scripts.map(({ id, matches, js }) => ({ id, matches, js })));
      },
      updateContentScripts: async (scripts: Array<{ id: string; matches: string[]; js: string[] }>) => {
        for (const s of scripts) state.registered = state.registered.map((r) => (r.id === s.id ? { ...r, matches: s.matches } : r));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
      executeScript: async ({ target, files }: { target: { tabId: number }; files?: string[] }) => {
        state.injected.push({ tabId: target.tabId, files });
        return [{ result: files ? undefined : state.pageHasQr }];
      },
    },
    tabs: { query: async () => (state.activeTab ? [state.activeTab] : []) },
  };
  return { state, browser };
});

vi.mock('wxt/browser', () => ({ browser: fake.browser }));

const BUILT_IN = ['https://*.cloudmc.io/*', 'https://*.cloud.ca/*', 'http://localhost/*', 'http://127.0.0.1/*'];

async function freshSites() {
  vi.resetModules();
  return import('@/lib/background/sites');
}

beforeEach(() => {
  fake.state.origins = [...BUILT_IN];
  fake.state.registered = [];
  fake.state.activeTab = { id: 7, url: 'https://portal.reseller.test/profile' };
  fake.state.pageHasQr = true;
  fake.state.injected = [];
});

describe('granted sites', () => {
  it('registers the content script on exactly the granted origins, and drops it with the last one', async () => {
    const sites = await freshSites();
    expect(await sites.grantedSites()).toEqual([]);
    expect(fake.state.registered).toEqual([]);

    fake.state.origins.push('https://portal.reseller.test/*');
    expect(await sites.enableOnActiveTab('https://portal.reseller.test/*')).toBe(true);
    expect(fake.state.registered).toEqual([
      { id: 'granted-sites', matches: ['https://portal.reseller.test/*'], js: ['content-scripts/cloudmc.js'] },
    ]);
    expect(sites.isEnabledOrigin('https://portal.reseller.test')).toBe(true);
    expect(sites.isEnabledOrigin('https://evil.reseller.test')).toBe(false);
    // ...and the tab the user is on gets the content script at once.
    expect(fake.state.injected).toContainEqual({ tabId: 7, files: ['/content-scripts/cloudmc.js'] });

    expect(await sites.removeSite('https://portal.reseller.test/*')).toEqual([]);
    expect(fake.state.registered).toEqual([]);
    expect(sites.isEnabledOrigin('https://portal.reseller.test')).toBe(false);
  });

  it('enables nothing the user did not grant', async () => {
    const sites = await freshSites();
    expect(await sites.enableOnActiveTab('https://portal.reseller.test/*')).toBe(false);
    expect(fake.state.registered).toEqual([]);
    expect(fake.state.injected).toEqual([]);
  });

  it('scan: a QR on a site not enabled is offered as a pattern without the port', async () => {
    const sites = await freshSites();
    fake.state.activeTab = { id: 7, url: 'https://portal.reseller.test:8443/profile' };
    expect(await sites.scanActiveTab()).toEqual({
      status: 'qr-found',
      origin: 'https://portal.reseller.test:8443',
      pattern: 'https://portal.reseller.test/*',
    });
  });

  it('scan: no QR, an already enabled site, and a page that is not a web page', async () => {
    const sites = await freshSites();
    fake.state.pageHasQr = false;
    expect(await sites.scanActiveTab()).toEqual({ status: 'no-qr', origin: 'https://portal.reseller.test' });
    fake.state.activeTab = { id: 7, url: 'https://charter.dev.cloudmc.io/' };
    expect(await sites.scanActiveTab()).toEqual({ status: 'enabled', origin: 'https://charter.dev.cloudmc.io' });
    fake.state.activeTab = { id: 7, url: 'chrome://settings' };
    expect(await sites.scanActiveTab()).toEqual({ status: 'unsupported' });
    fake.state.activeTab = undefined;
    expect(await sites.scanActiveTab()).toEqual({ status: 'unsupported' });
  });
});

describe('plain http', () => {
  it('scan refuses a plain-http page off loopback', async () => {
    const sites = await freshSites();
    fake.state.activeTab = { id: 7, url: 'http://portal.reseller.test/profile' };
    expect(await sites.scanActiveTab()).toEqual({ status: 'unsupported' });
    expect(fake.state.injected).toEqual([]);
  });

  it('ignores a plain-http grant off loopback (made in the browser’s own settings)', async () => {
    fake.state.origins.push('http://portal.reseller.test/*', 'https://portal.reseller.test/*');
    const sites = await freshSites();
    expect(await sites.grantedSites()).toEqual(['https://portal.reseller.test/*']);
    expect(sites.isEnabledOrigin('http://portal.reseller.test')).toBe(false);
    expect(fake.state.registered[0]?.matches).toEqual(['https://portal.reseller.test/*']);
  });
});
