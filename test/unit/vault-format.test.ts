import { describe, expect, it } from 'vitest';
import { toBase64 } from '@/lib/vault/bytes';
import { newDataKeyBytes } from '@/lib/vault/crypto';
import { headerToJson, newHeader, openHeader, parseHeader, serializeHeader, type VaultHeader } from '@/lib/vault/format';

const PASS = 'correct horse battery staple';
// One header for the whole file: each newHeader costs a key derivation at the floor.
const raw = newDataKeyBytes();
const header = await newHeader(raw, PASS, 600_000);
const text = await serializeHeader(header);

async function codeOf(stored: unknown) {
  const r = await parseHeader(stored);
  return r.ok ? 'ok' : r.error.code;
}

describe('header format v1', () => {
  it('serialises to the documented shape and parses back', async () => {
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['v', 'kdf', 'wrappedKey', 'check']);
    expect(json.v).toBe(1);
    expect(json.kdf).toEqual({ name: 'PBKDF2-SHA256', iterations: 600_000, salt: toBase64(header.kdf.salt) });
    expect(header.kdf.salt.length).toBe(16);
    expect(header.wrappedKey.iv.length).toBe(12);
    expect(header.wrappedKey.ct.length).toBe(48);
    const parsed = await parseHeader(text);
    expect(parsed).toEqual({ ok: true, value: header });
    const opened = await openHeader(header, PASS);
    expect(opened.ok && toBase64(opened.value)).toBe(toBase64(raw));
  });

  it('a wrong passphrase does not open it', async () => {
    expect(await openHeader(header, 'Correct horse battery staple')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  });

  it('every flipped bit of every byte of the serialized header gives a clear error', async () => {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x02, 0x20, 0x80]) {
        const flipped = bytes.slice();
        flipped[i]! ^= mask;
        const code = await codeOf(new TextDecoder().decode(flipped));
        expect(['corrupt-header', 'unsupported-version'], `byte ${i} ^ ${mask}: ${code}`).toContain(code);
      }
    }
  });

  it('tampered fields with a recomputed checksum: refused, or the key does not unwrap', async () => {
    const tamper = async (h: VaultHeader) => {
      const parsed = await parseHeader(await serializeHeader(h));
      if (!parsed.ok) return parsed.error.code;
      const opened = await openHeader(parsed.value, PASS);
      return opened.ok ? 'ok' : opened.error.code;
    };
    const salt = header.kdf.salt.slice();
    salt[0]! ^= 1;
    const ct = header.wrappedKey.ct.slice();
    ct[47]! ^= 1;
    expect(await tamper({ ...header, kdf: { ...header.kdf, salt } })).toBe('wrong-passphrase');
    expect(await tamper({ ...header, kdf: { ...header.kdf, iterations: 600_001 } })).toBe('wrong-passphrase');
    expect(await tamper({ ...header, wrappedKey: { ...header.wrappedKey, ct } })).toBe('wrong-passphrase');
    // Downgrades are refused before any key derivation.
    expect(await tamper({ ...header, kdf: { ...header.kdf, iterations: 599_999 } })).toBe('weak-kdf');
    expect(await tamper({ ...header, kdf: { ...header.kdf, iterations: 1 } })).toBe('weak-kdf');
    expect(await tamper({ ...header, kdf: { ...header.kdf, salt: header.kdf.salt.slice(0, 8) } })).toBe('weak-kdf');
    expect(await tamper({ ...header, kdf: { ...header.kdf, iterations: 1e9 } })).toBe('corrupt-header');
  });

  it('unknown versions and garbage: a clear error, never a throw', async () => {
    const json = await headerToJson(header);
    expect(await codeOf(JSON.stringify({ ...json, v: 2 }))).toBe('unsupported-version');
    expect(await codeOf(JSON.stringify({ ...json, extra: 1 }))).toBe('corrupt-header');
    expect(await codeOf(JSON.stringify({ ...json, kdf: { ...json.kdf, name: 'argon2id' } }))).toBe('corrupt-header');
    expect(await codeOf(JSON.stringify({ ...json, kdf: { ...json.kdf, iterations: '600000' } }))).toBe('corrupt-header');
    expect(await codeOf(JSON.stringify({ ...json, wrappedKey: null }))).toBe('corrupt-header');
    for (const junk of [undefined, null, 42, {}, [], '', 'null', '[]', '{}', '{"v":1}', 'not json', '{"v":"1"}', '{"v":1.5}', new Uint8Array(4)]) {
      expect(['corrupt-header', 'unsupported-version']).toContain(await codeOf(junk));
    }
  });
});
