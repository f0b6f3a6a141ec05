/**
 * The enabled CloudMC sites: the manifest's built-in patterns plus the origins the user
 * granted at run time ("Scan this page" in the popup). The browser's permission store is the
 * single source of truth; this module keeps a cached copy because the sender policy needs a
 * synchronous answer, and keeps our content script registered on exactly the granted sites.
 */
import { browser } from 'wxt/browser';
import { CLOUDMC_MATCHES, isCloudmcOrigin, isGrantableOrigin, isGrantablePattern } from '../cloudmc/sites';
import { originOf } from '../origin';
import type { UiProtocol } from '../messages/protocol';

const SCRIPT_ID = 'granted-sites';
const CONTENT_SCRIPT = 'content-scripts/cloudmc.js';

let granted: string[] | null = null;

async function refresh(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const builtIn = new Set<string>(CLOUDMC_MATCHES);
  // A plain-http grant other than loopback (possible through the browser's own settings) is
  // ignored: a page anyone on the network can rewrite must not enroll or receive codes.
  granted = (all.origins ?? []).filter((p) => !builtIn.has(p) && isGrantablePattern(p)).sort();
  await syncRegistration(granted);
  return granted;
}

/** Registers the content script on the granted sites (or unregisters it when there are none). */
async function syncRegistration(patterns: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (patterns.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, matches: patterns, js: [CONTENT_SCRIPT], runAt: 'document_idle' as const };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}

export async function grantedSites(): Promise<string[]> {
  return granted ?? refresh();
}

/** Synchronous check against the cache; call `grantedSites()` once first (the router does). */
export function isEnabledOrigin(origin: string): boolean {
  return isCloudmcOrigin(origin, granted ?? []);
}

export async function removeSite(pattern: string): Promise<string[]> {
  await browser.permissions.remove({ origins: [pattern] });
  return refresh();
}

/** The match pattern that grants one origin (ports are not part of match patterns). */
function patternFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export type ScanResult = UiProtocol['sites.scan']['res'];

/**
 * "Scan this page": with the activeTab grant the popup's opening gives, look for an
 * enrollment-sized QR (img, canvas or svg) on the active tab. Reads nothing else.
 */
export async function scanActiveTab(): Promise<ScanResult> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const origin = originOf(tab?.url);
  if (tab?.id === undefined || !origin) return { status: 'unsupported' };
  await grantedSites();
  if (!isGrantableOrigin(origin)) return { status: 'unsupported' };
  if (isEnabledOrigin(origin)) return { status: 'enabled', origin };
  const [result] = await browser.scripting
    .executeScript({
      target: { tabId: tab.id },
      func: () =>
        [...document.querySelectorAll('img,canvas,svg')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.width >= 64 && r.height >= 64 && Math.abs(r.width - r.height) < r.width * 0.2;
        }),
    })
    .catch(() => [undefined]);
  return result?.result ? { status: 'qr-found', origin, pattern: patternFor(origin) } : { status: 'no-qr', origin };
}

/** After the user granted `pattern` (from the popup): run our content script on the tab now. */
export async function enableOnActiveTab(pattern: string): Promise<boolean> {
  const patterns = await refresh();
  if (!patterns.includes(pattern)) return false;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT}` as '/content-scripts/cloudmc.js'] });
  }
  return true;
}

export function watchSites(): void {
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
}
