import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '@/lib/vault/bytes';
import {
  PBKDF2_MIN_ITERATIONS,
  deriveKek,
  importDataKey,
  newDataKeyBytes,
  newSalt,
  pbkdf2Sha256,
  recordAad,
  seal,
  unseal,
} from '@/lib/vault/crypto';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('PBKDF2-HMAC-SHA256', () => {
  it('matches RFC 7914 section 11 (P="passwd", S="salt", c=1, dkLen=64)', async () => {
    const dk = await pbkdf2Sha256('passwd', utf8('salt'), 1, 64);
    expect(hex(dk)).toBe(
      '55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc ' +
        '49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83',
    );
  });

  it('the vault KDF refuses parameters under the floor', async () => {
    await expect(deriveKek('pw', newSalt(), PBKDF2_MIN_ITERATIONS - 1)).rejects.toThrow(RangeError);
    await expect(deriveKek('pw', newSalt().slice(0, 15), PBKDF2_MIN_ITERATIONS)).rejects.toThrow(RangeError);
    expect(PBKDF2_MIN_ITERATIONS).toBe(600_000);
  });

  it('the vault KDF key is non-extractable AES-256-GCM, and NFC-normalises the passphrase', async () => {
    const salt = newSalt();
    const composed = await deriveKek('caf\u00e9', salt, PBKDF2_MIN_ITERATIONS);
    const decomposed = await deriveKek('cafe\u0301', salt, PBKDF2_MIN_ITERATIONS);
    expect(composed.extractable).toBe(false);
    expect(composed.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const sealed = await seal(composed, utf8('x'), utf8(''));
    expect(await unseal(decomposed, sealed, utf8(''))).toEqual(utf8('x'));
  });
});

describe('AES-256-GCM records', () => {
  it('round-trips, with a fresh 96-bit IV per write and a non-extractable key', async () => {
    const key = await importDataKey(newDataKeyBytes());
    expect(key.extractable).toBe(false);
    const aad = recordAad('id-1', 1);
    const a = await seal(key, utf8('secret'), aad);
    const b = await seal(key, utf8('secret'), aad);
    expect(a.iv.length).toBe(12);
    expect(toBase64(a.iv)).not.toBe(toBase64(b.iv));
    expect(await unseal(key, a, aad)).toEqual(utf8('secret'));
  });

  it('binds the record id and the vault version', async () => {
    const key = await importDataKey(newDataKeyBytes());
    const sealed = await seal(key, utf8('secret'), recordAad('id-1', 1));
    expect(await unseal(key, sealed, recordAad('id-2', 1))).toBeNull();
    expect(await unseal(key, sealed, recordAad('id-1', 2))).toBeNull();
    expect(await unseal(await importDataKey(newDataKeyBytes()), sealed, recordAad('id-1', 1))).toBeNull();
  });

  it('every flipped byte of the wrapped key, its IV or its associated data fails authentication', async () => {
    // One KEK for all flips: this is the AEAD property the header relies on, tested directly.
    const kek = await deriveKek('pw', newSalt(), PBKDF2_MIN_ITERATIONS);
    const raw = newDataKeyBytes();
    const aad = utf8('{"v":1,"kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}}');
    const wrapped = await seal(kek, raw, aad);
    expect(wrapped.ct.length).toBe(48);
    expect(await unseal(kek, wrapped, aad)).toEqual(raw);
    for (const field of ['iv', 'ct'] as const) {
      for (let i = 0; i < wrapped[field].length; i++) {
        const bytes = wrapped[field].slice();
        bytes[i]! ^= 0x01;
        expect(await unseal(kek, { ...wrapped, [field]: bytes }, aad), `${field}[${i}]`).toBeNull();
      }
    }
    for (let i = 0; i < aad.length; i++) {
      const bytes = aad.slice();
      bytes[i]! ^= 0x01;
      expect(await unseal(kek, wrapped, bytes), `aad[${i}]`).toBeNull();
    }
  });
});

describe('strict base64', () => {
  it('round-trips and refuses non-canonical or malformed input', () => {
    const b = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    expect(fromBase64(toBase64(b))).toEqual(b);
    expect(fromBase64('QQ==')).toEqual(utf8('A'));
    for (const bad of ['QR==', 'QQ=', 'QQ', 'Q===', 'QQ==QQ==', '@@@@', ' QQ==', 'QQ==\n', 42, null, undefined]) {
      expect(fromBase64(bad), String(bad)).toBeNull();
    }
  });
});
