/**
 * CloudMC names itself in the otpauth issuer: the portal's URL in the current UI
 * (`https://charter.dev.cloudmc.io/`), the bare host in 2015 (`test.staging1.cloud.ca`).
 */
import { originOf } from '../origin';

/** The origin an issuer names when it is an http(s) URL; null otherwise. */
export function issuerUrlOrigin(issuer: string): string | null {
  return /^https?:\/\//i.test(issuer) ? originOf(issuer) : null;
}

const HOSTNAME = /^(?=.{1,253}$)(localhost|([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i;

/**
 * The origin to bind an account to when the user adds it by hand and names no portal:
 * the issuer's URL, or https:// + a bare host name. null when the issuer names no host
 * (e.g. "ACME Corp"): the user must then say which portal it is for.
 */
export function originFromIssuer(issuer: string): string | null {
  const fromUrl = issuerUrlOrigin(issuer);
  if (fromUrl) return fromUrl;
  const host = issuer.trim();
  return HOSTNAME.test(host) ? `https://${host.toLowerCase()}` : null;
}
