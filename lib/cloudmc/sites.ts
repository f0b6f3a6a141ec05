/**
 * Which origins count as CloudMC sites. The manifest's static list covers CloudMC's public
 * domains and the local sandbox; resellers' own domains are granted by the user at run time.
 * Chrome and Firefox match patterns without a port match every port, which the sandbox needs.
 */
export const CLOUDMC_MATCHES = [
  'https://*.cloudmc.io/*',
  'https://*.cloud.ca/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
] as const;

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
