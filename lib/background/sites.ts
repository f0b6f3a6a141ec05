/**
 * The enabled CloudMC sites: the manifest's built-in patterns plus the origins the user
 * granted at run time. The browser's permission store is the single source of truth; this
 * module keeps a cached copy because the sender policy needs a synchronous answer.
 */
import { browser } from 'wxt/browser';
import { CLOUDMC_MATCHES, isCloudmcOrigin } from '../cloudmc/sites';

let granted: string[] | null = null;

async function refresh(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const builtIn = new Set<string>(CLOUDMC_MATCHES);
  granted = (all.origins ?? []).filter((p) => !builtIn.has(p)).sort();
  return granted;
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

export function watchSites(): void {
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
}
