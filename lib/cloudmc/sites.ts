/**
 * Which origins count as CloudMC sites. The store build's static list is CloudMC's own domains;
 * the sandbox build (`npm run build:sandbox`, WXT mode "sandbox") adds the loopback origins the
 * local sandbox runs on; resellers' own domains are granted by the user at run time.
 * Chrome and Firefox match patterns without a port match every port, which the sandbox needs.
 */
export const STORE_MATCHES = ['https://*.cloudmc.io/*', 'https://*.cloud.ca/*'] as const;
export const LOOPBACK_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

/** Vitest runs in mode "test" against the same loopback origins as the sandbox build. */
const LOOPBACK_MODES = new Set(['sandbox', 'test']);

/** The built-in match patterns of a build made in WXT/Vite `mode`. */
export function builtInMatches(mode: string | undefined): string[] {
  return LOOPBACK_MODES.has(mode ?? '') ? [...STORE_MATCHES, ...LOOPBACK_MATCHES] : [...STORE_MATCHES];
}

/** This build's built-in sites, fixed when it was built. */
export const CLOUDMC_MATCHES: readonly string[] = builtInMatches(import.meta.env?.MODE);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * May the user grant this origin at run time? https anywhere; plain http only on loopback,
 * where nobody on the network can rewrite the page (and its QR) on the way.
 */
export function isGrantableOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** The same for a granted match pattern (`https://*.x/*` keeps its scheme's answer). */
export function isGrantablePattern(pattern: string): boolean {
  const m = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  return m[1] === 'https' || isGrantableOrigin(`http://${m[2]}`);
}

/**
 * Does a web origin fall under a match pattern of the form `scheme://host/*` or
 * `scheme://*.domain/*`? Ports are ignored, as browsers do for patterns without one.
 * Written out by hand (no regex built from the pattern) so that a lookalike such as
 * `cloudmc.io.evil.test` or `evilcloudmc.io` can never match `*.cloudmc.io`.
 */
export function originMatchesPattern(origin: string, pattern: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, hostPattern] = m as unknown as [string, string, string];
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https') return false;
  if (scheme !== '*' && scheme !== protocol) return false;
  const host = url.hostname;
  if (hostPattern.startsWith('*.')) {
    const domain = hostPattern.slice(2);
    return host === domain || host.endsWith('.' + domain);
  }
  return host === hostPattern;
}

/** An enabled CloudMC origin: a static match or one the user granted (stored as patterns). */
export function isCloudmcOrigin(origin: string, granted: readonly string[] = []): boolean {
  return [...CLOUDMC_MATCHES, ...granted].some((p) => originMatchesPattern(origin, p));
}
