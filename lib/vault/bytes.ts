/** Byte helpers for the vault (internal). Strict base64 so that every stored byte matters. */

/** Bytes on an ArrayBuffer, which is what WebCrypto and IndexedDB accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (s: string): Bytes => encoder.encode(s) as Bytes;

/** Throws on invalid UTF-8: callers only decode what they authenticated first. */
export const fromUtf8 = (b: Bytes): string => decoder.decode(b);

export function randomBytes(n: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Standard base64 with padding, canonical only: the unused low bits of the last character must
 * be zero, so that no two strings decode to the same bytes and a flipped character is never
 * silently ignored. Returns null for anything else.
 */
export function fromBase64(s: unknown): Bytes | null {
  if (typeof s !== 'string' || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return toBase64(out) === s ? out : null;
}
