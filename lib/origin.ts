/**
 * Web origins, shared by the message policy, the background and the content script: none of
 * them should import another's module for this.
 */

/** `scheme://host[:port]` of a URL, or null for anything that has no web origin. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}
