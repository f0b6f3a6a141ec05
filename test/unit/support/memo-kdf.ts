/**
 * The KDF is deterministic: memoising it changes no answer, and lets property and fault tests
 * reopen the same vault many times without paying ~130 ms per derivation at the floor.
 * Use in a test file:
 *   vi.mock('@/lib/vault/crypto', async (real) => (await import('./support/memo-kdf')).memoizeKdf(await real()));
 */
type Crypto = typeof import('@/lib/vault/crypto');

export function memoizeKdf(real: Crypto): Crypto {
  const cache = new Map<string, Promise<CryptoKey>>();
  return {
    ...real,
    deriveKek(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
      const key = `${iterations}/${Array.from(salt).join(',')}/${passphrase}`;
      let kek = cache.get(key);
      if (!kek) cache.set(key, (kek = real.deriveKek(passphrase, salt, iterations)));
      return kek;
    },
  };
}
