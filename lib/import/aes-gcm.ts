/** AES-256-GCM decryption (WebCrypto) and hex/base64 helpers shared by the encrypted app formats. */

/** ciphertext‖tag under `key`; null when the tag does not verify (wrong password or damage). */
export async function gcmOpen(key: Uint8Array, iv: Uint8Array, ctAndTag: Uint8Array): Promise<Uint8Array | null> {
  try {
    const k = await crypto.subtle.importKey('raw', Uint8Array.from(key), 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: Uint8Array.from(iv) }, k, Uint8Array.from(ctAndTag)));
  } catch {
    return null;
  }
}

export function hexBytes(v: unknown): Uint8Array | null {
  if (typeof v !== 'string' || v.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(v)) return null;
  return Uint8Array.from(v.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function base64Bytes(v: unknown): Uint8Array | null {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(v), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
