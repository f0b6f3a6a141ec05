/**
 * "Same site" for an issuer's origin (issue 10, item 9): the same scheme and the same
 * registrable domain (eTLD+1). Extensions have no public-suffix API, so this carries the
 * multi-label suffixes CloudMC customers are likely to use, and treats CloudMC's own shared
 * domains as suffixes too: tenants of *.cloudmc.io or *.cloud.ca are different sites
 * (`a.cloudmc.io` and `b.cloudmc.io` are not the same customer). Unknown suffixes err on the
 * safe side only in one direction: a two-label suffix missing here makes two customers under it
 * look like one site, so the list leans long for the common ones.
 */
const SHARED = new Set([
  'cloudmc.io', 'cloud.ca',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.za', 'com.br', 'com.mx',
  'com.ar', 'com.cn', 'com.sg', 'com.hk', 'co.in', 'co.kr', 'qc.ca', 'on.ca', 'bc.ca', 'ab.ca',
  'herokuapp.com', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com', 'github.io', 'appspot.com', 'pages.dev',
]);

/** The registrable domain of a host name; an IP address or a one-label host is its own. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':') || !h.includes('.')) return h;
  const labels = h.split('.');
  for (let i = 1; i < labels.length; i++) {
    if (SHARED.has(labels.slice(i).join('.'))) return labels.slice(i - 1).join('.');
  }
  return labels.slice(-2).join('.');
}

export function sameSite(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.protocol === y.protocol && registrableDomain(x.hostname) === registrableDomain(y.hostname);
  } catch {
    return false;
  }
}
